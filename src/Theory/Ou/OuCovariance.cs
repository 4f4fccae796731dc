using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Ou;

/// <summary>
/// A covariance of the normal component <c>Π_N (θ − θ*)</c> (docs/theory.md §2) in the normal coordinates of a
/// <see cref="Geometry.NormalFrame"/>: an n × n matrix S, so the p-space covariance is <c>Q S Qᵀ</c>.
/// </summary>
/// <param name="Matrix">S in normal coordinates (n × n, symmetric).</param>
/// <param name="Eigenvalues">The eigenvalues of S, ascending (the <c>ou_cov</c> output of the CLI).</param>
/// <param name="Eigenvectors">Unit eigenvectors of S (columns, matching <paramref name="Eigenvalues"/>).</param>
/// <param name="Form">Which formula produced it, e.g. <c>full-batch exact</c>.</param>
public sealed record OuCovariance(Matrix<double> Matrix, double[] Eigenvalues, Matrix<double> Eigenvectors, string Form)
{
    /// <summary><c>tr S</c>, the expected <c>||Π_N (θ − θ*)||²</c>.</summary>
    public double Trace => Matrix.Trace();

    /// <summary>
    /// Wraps a symmetric matrix, computing its eigen-decomposition with eigenvalues ascending. Non-finite entries are
    /// refused on <c>sigma</c>: S scales as σ² (docs/theory.md §2), so with finite θ, data and η &lt; 2/λ_max only a σ too
    /// large for double precision (or a simulation that left it) makes S overflow.
    /// </summary>
    public static OuCovariance Of(Matrix<double> s, string form)
    {
        ArgumentNullException.ThrowIfNull(s);
        var symmetric = (s + s.Transpose()) / 2;
        if (!symmetric.Enumerate().All(double.IsFinite))
            throw new InvalidInputException("sigma",
                $"the {form} covariance S of the normal coordinates is not finite: S scales as σ², so σ is too large for double precision");
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, s.RowCount).OrderBy(k => evd.EigenValues[k].Real).ToArray();
        var values = order.Select(k => evd.EigenValues[k].Real).ToArray();
        var vectors = Matrix<double>.Build.Dense(s.RowCount, s.RowCount, (i, j) => evd.EigenVectors[i, order[j]]);
        return new OuCovariance(symmetric, values, vectors, form);
    }
}
