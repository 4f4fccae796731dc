using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// Stationary starts for antithetic pairs (docs/theory.md §3, "Stationary start"): <c>u_j = Q L_S z_j</c> with
/// <c>S = L_S L_Sᵀ</c> and <c>z_j ~ N(0, I_n)</c> keyed by (seed, pair), so <c>u_j ~ N(0, S)</c> in N and no burn-in
/// is needed. The pair then starts at <c>θ* ± u_j</c>.
/// </summary>
public static class StationaryStart
{
    /// <summary>One offset <c>u_j</c> (length p) per pair.</summary>
    public static double[][] Offsets(NormalFrame frame, OuCovariance covariance, int pairs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(covariance);
        var root = Root(covariance.Matrix);
        int n = frame.Count;
        ulong key = RandomStreams.StationaryStart(seed);
        var offsets = new double[pairs][];
        for (int j = 0; j < pairs; j++)
        {
            var random = CounterRandom.Key(key, j, 0);
            var z = Vector<double>.Build.Dense(n, i => random.Gaussian(i));
            offsets[j] = frame.Embed((root * z).ToArray());
        }
        return offsets;
    }

    /// <summary>
    /// A factor L with <c>L Lᵀ = S</c>: the Cholesky factor when S is positive definite; otherwise (σ = 0, or σ so
    /// small that S underflows, docs/theory.md §2) the symmetric root <c>V √max(Λ, 0) Vᵀ</c>, which is 0 for S = 0, so
    /// the pair starts at θ* itself.
    /// </summary>
    private static Matrix<double> Root(Matrix<double> s)
    {
        var cholesky = s.Enumerate().All(v => v == 0) ? null : TryCholesky(s);
        if (cholesky is not null) return cholesky;
        var eigen = s.Evd(Symmetricity.Symmetric);
        var roots = Matrix<double>.Build.DiagonalOfDiagonalVector(eigen.EigenValues.Map(l => Math.Sqrt(Math.Max(l.Real, 0))));
        return eigen.EigenVectors * roots * eigen.EigenVectors.Transpose();
    }

    private static Matrix<double>? TryCholesky(Matrix<double> s)
    {
        try
        {
            return s.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
