using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// Stationary starts for antithetic pairs (THEORY.md §3, "Stationary start"): <c>u_j = Q L_S z_j</c> with
/// <c>S = L_S L_Sᵀ</c> and <c>z_j ~ N(0, I_n)</c> keyed by (seed, pair), so <c>u_j ~ N(0, S)</c> in N and no burn-in
/// is needed. The pair then starts at <c>θ* ± u_j</c>.
/// </summary>
public static class StationaryStart
{
    /// <summary>Purpose tag that keeps start draws independent of the SGD noise drawn from the same seed.</summary>
    private const ulong StartStream = 0x5354415254UL;

    /// <summary>One offset <c>u_j</c> (length p) per pair.</summary>
    public static double[][] Offsets(NormalFrame frame, OuCovariance covariance, int pairs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(covariance);
        var root = covariance.Matrix.Cholesky().Factor;
        int n = frame.Count;
        ulong key = CounterRandom.DeriveSeed(seed, StartStream);
        var offsets = new double[pairs][];
        for (int j = 0; j < pairs; j++)
        {
            var random = CounterRandom.Key(key, j, 0);
            var z = Vector<double>.Build.Dense(n, i => random.Gaussian(i));
            offsets[j] = frame.Embed((root * z).ToArray());
        }
        return offsets;
    }
}
