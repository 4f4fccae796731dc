using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.SlowFlow;

/// <summary>
/// The normal space of the constraints that remain independent at θ (docs/theory.md §4.2, "rank loss"): with
/// <c>J Jᵀ = U Λ Uᵀ</c>, the eigenpairs with <c>λ_k ≤ </c><see cref="RankTolerance"/><c> · λ_max</c> are dropped, so
/// <c>Π_N v = Jᵀ U_r Λ_r⁻¹ U_rᵀ J v</c> and the least-squares minimum-norm solution of <c>J δ = b</c> is
/// <c>Jᵀ U_r Λ_r⁻¹ U_rᵀ b</c>. At a regular point nothing is dropped and these are the projections of §1. Where J loses
/// rank (a ReLU function linear across three data points makes their rows affine in x, hence dependent; a kink on a data
/// point), a dropped constraint is implied by the others to first order, so the flow goes on along the rest.
/// </summary>
public sealed class TruncatedFrame
{
    /// <summary>An eigenvalue of <c>J Jᵀ</c> at or below this fraction of the largest counts as lost rank.</summary>
    public const double RankTolerance = 1e-9;

    private readonly double[] _jacobian;
    private readonly Matrix<double> _kept;
    private readonly double[] _inverse;
    private readonly Matrix<double> _vectors;
    private readonly double[] _values;
    private readonly double _largest;

    private TruncatedFrame(double[] jacobian, double[] residuals, int n, int p)
    {
        (_jacobian, Residuals, Count, ParameterCount) = (jacobian, residuals, n, p);
        var gram = Matrix<double>.Build.Dense(n, n, (i, j) =>
            Vectors.Dot(jacobian.AsSpan(i * p, p), jacobian.AsSpan(j * p, p)));
        var evd = gram.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        double largest = values.Max();
        var keep = Enumerable.Range(0, n).Where(k => values[k] > RankTolerance * largest).ToArray();
        Rank = keep.Length;
        SmallestRatio = values.Min() / largest;
        var dropped = Enumerable.Range(0, n).Except(keep).ToArray();
        // The data points that carry the dropped directions most: the largest entry of each dropped eigenvector.
        Dependent = [.. dropped.Select(k => Enumerable.Range(0, n).MaxBy(i => Math.Abs(evd.EigenVectors[i, k])))];
        _kept = Matrix<double>.Build.Dense(n, keep.Length, (i, k) => evd.EigenVectors[i, keep[k]]);
        _inverse = [.. keep.Select(k => 1 / values[k])];
        _vectors = evd.EigenVectors;
        _values = values;
        _largest = largest;
    }

    /// <summary>
    /// <c>Jᵀ (J Jᵀ + μ λ_max I)⁻¹ b</c> over every eigenpair, dropped ones included (a Levenberg–Marquardt step with
    /// relative damping <paramref name="damping"/>).
    /// </summary>
    public double[] DampedSolution(ReadOnlySpan<double> b, double damping)
    {
        var coefficients = _vectors.TransposeThisAndMultiply(Vector<double>.Build.Dense(b.ToArray()));
        for (int k = 0; k < coefficients.Count; k++) coefficients[k] /= Math.Max(_values[k], 0) + damping * _largest;
        return Combine(_vectors * coefficients);
    }

    /// <summary>
    /// The kept normal directions: for each kept eigenpair <c>(λ_k, u_k)</c> of <c>J Jᵀ</c>, λ_k and the unit vector
    /// <c>Jᵀ u_k / √λ_k</c> (an eigenvector of <c>JᵀJ</c> with the same eigenvalue).
    /// </summary>
    public IEnumerable<(double Eigenvalue, double[] Direction)> NormalDirections()
    {
        for (int k = 0; k < _kept.ColumnCount; k++)
        {
            double value = 1 / _inverse[k];
            var direction = Combine(_kept.Column(k));
            for (int j = 0; j < direction.Length; j++) direction[j] /= Math.Sqrt(value);
            yield return (value, direction);
        }
    }

    private double[] Combine(Vector<double> w)
    {
        var delta = new double[ParameterCount];
        for (int i = 0; i < Count; i++) Vectors.AddScaled(delta, _jacobian.AsSpan(i * ParameterCount, ParameterCount), w[i]);
        return delta;
    }

    /// <summary>The frame at θ, with the residuals <c>h(x_i; θ) − y_i</c>.</summary>
    public static TruncatedFrame At(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, p = model.ParameterCount;
        var jacobian = new double[n * p];
        var outputs = new double[n];
        model.Jacobian(theta, data.X, outputs, jacobian, model.CreateWorkspace(n));
        for (int i = 0; i < n; i++) outputs[i] -= data.Y[i];
        return new TruncatedFrame(jacobian, outputs, n, p);
    }

    /// <summary>n.</summary>
    public int Count { get; }

    /// <summary>p.</summary>
    public int ParameterCount { get; }

    /// <summary>The number of constraints kept (n at a regular point).</summary>
    public int Rank { get; }

    /// <summary><c>λ_min / λ_max</c> of <c>J Jᵀ</c>.</summary>
    public double SmallestRatio { get; }

    /// <summary>For each dropped direction, the data point that weighs most in it.</summary>
    public IReadOnlyList<int> Dependent { get; }

    /// <summary><c>r_i = h(x_i; θ) − y_i</c>.</summary>
    public double[] Residuals { get; }

    /// <summary><c>Jᵀ U_r Λ_r⁻¹ U_rᵀ b</c>: the minimum-norm least-squares solution of <c>J δ = b</c> on the kept constraints.</summary>
    public double[] MinimumNormSolution(ReadOnlySpan<double> b)
    {
        var coefficients = _kept.TransposeThisAndMultiply(Vector<double>.Build.Dense(b.ToArray()));
        for (int k = 0; k < coefficients.Count; k++) coefficients[k] *= _inverse[k];
        return Combine(_kept * coefficients);
    }

    /// <summary>
    /// The minimum-norm least-squares solution of <c>J_B δ_B = b</c> on the columns B = [offset, offset + count) of J
    /// alone, with the same rank truncation, as a full-length δ that is 0 off B.
    /// </summary>
    public double[] BlockSolution(ReadOnlySpan<double> b, int offset, int count)
    {
        var block = new double[Count * count];
        for (int i = 0; i < Count; i++) _jacobian.AsSpan(i * ParameterCount + offset, count).CopyTo(block.AsSpan(i * count, count));
        var solution = new TruncatedFrame(block, Residuals, Count, count).MinimumNormSolution(b);
        var delta = new double[ParameterCount];
        solution.CopyTo(delta, offset);
        return delta;
    }

    /// <summary><c>P v = v − Π_N v</c> on the kept constraints.</summary>
    public double[] Tangent(ReadOnlySpan<double> v)
    {
        var jv = new double[Count];
        for (int i = 0; i < Count; i++) jv[i] = Vectors.Dot(_jacobian.AsSpan(i * ParameterCount, ParameterCount), v);
        var normal = MinimumNormSolution(jv);
        var result = v.ToArray();
        Vectors.AddScaled(result, normal, -1);
        return result;
    }
}
