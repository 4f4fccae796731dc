using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Where the support sits given the off-support β (docs/theory.md §7): the support coordinates fit the part of
/// <c>X_off β_off</c> in the range of <c>X_S</c>, so their base point is <c>β*_S − Cβ_off</c> with
/// <c>C = (X_SᵀX_S)⁻¹X_SᵀX_off</c>, and the rest <c>r⊥ = X_off β_off − X_S Cβ_off</c> stays in the residual.
/// </summary>
/// <param name="Shift"><c>Cβ_off</c> (one entry per support coordinate, in the order of the support).</param>
/// <param name="ShiftSquared"><c>‖Cβ_off‖²</c>.</param>
/// <param name="ShiftSum"><c>|Σ_S (Cβ_off)_j|</c>, the change of <c>Σ_S β_j</c> at the base point.</param>
/// <param name="RelativeShift"><c>max_j |(Cβ_off)_j| / β*_j</c>.</param>
/// <param name="ResidualSquared"><c>max_i (r⊥)_i²</c>.</param>
public sealed record SupportShift(double[] Shift, double ShiftSquared, double ShiftSum, double RelativeShift, double ResidualSquared);

/// <summary><c>C = (X_SᵀX_S)⁻¹X_SᵀX_off</c> of a problem, and the <see cref="SupportShift"/> at a β (docs/theory.md §7).</summary>
public sealed class SupportCoupling
{
    private readonly SparseRegressionProblem _problem;
    private readonly int[] _off;
    private readonly Matrix<double> _xs, _xo, _c;

    /// <summary>The coupling of <paramref name="problem"/>'s support to its other coordinates.</summary>
    public SupportCoupling(SparseRegressionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problem = problem;
        _off = [.. Enumerable.Range(0, problem.Truth.Length).Except(problem.Support)];
        _xs = Matrix<double>.Build.Dense(problem.Data.Count, problem.Support.Length, (i, k) => problem.Data.Row(i)[problem.Support[k]]);
        _xo = Matrix<double>.Build.Dense(problem.Data.Count, _off.Length, (i, k) => problem.Data.Row(i)[_off[k]]);
        _c = _xs.TransposeThisAndMultiply(_xs).Solve(_xs.TransposeThisAndMultiply(_xo));
    }

    /// <summary>The shift at β (length d).</summary>
    public SupportShift Of(double[] beta)
    {
        ArgumentNullException.ThrowIfNull(beta);
        var off = Vector<double>.Build.Dense(_off.Length, m => beta[_off[m]]);
        var shift = _c * off;
        var residual = _xo * off - _xs * shift;
        double relative = _problem.Support.Select((j, k) => Math.Abs(shift[k]) / _problem.Truth[j]).Max();
        return new SupportShift([.. shift], shift.DotProduct(shift), Math.Abs(shift.Sum()), relative, residual.Max(r => r * r));
    }
}
