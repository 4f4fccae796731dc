using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Manifold;

/// <summary>
/// The tangent and normal spaces of the zero-loss manifold at θ (docs/theory.md §1): <c>N = span{g_i}</c>,
/// <c>T = ker J</c>, <c>Π_N = Jᵀ (J Jᵀ)⁻¹ J</c>, <c>P = I − Π_N</c>, through the Cholesky factor
/// <c>J Jᵀ = L Lᵀ</c> only; no <c>p × p</c> matrix is formed. The orthonormal basis of N is <c>Q = Jᵀ L⁻ᵀ</c>
/// (<c>QᵀQ = I_n</c>), which gives the n normal coordinates of §1. J must have full row rank (n ≤ p).
/// <para>θ need not lie on M: the projector is that of the level set through θ. Immutable and thread-safe.</para>
/// </summary>
public sealed class TangentProjector
{
    private readonly GramFactorization _gram;
    private readonly double[] _jacobian;
    private readonly double[] _factor;

    /// <summary>
    /// Forms J at θ and factors <c>J Jᵀ</c>. Throws <see cref="InvalidInputException"/> on <c>theta</c> when J is
    /// rank-deficient (naming the smallest pivot) or n &gt; p.
    /// </summary>
    public TangentProjector(Model model, Dataset data, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta);
        _gram = new GramFactorization(model, data);
        _gram.Factor(theta);
        _jacobian = _gram.Jacobian;
        _factor = _gram.Lower;
        Count = _gram.Count;
        ParameterCount = _gram.ParameterCount;
        SmallestPivot = _gram.SmallestPivot;
    }

    /// <summary>J, row-major <c>n × p</c>, rows <c>g_i = ∇_θ h(x_i; θ)</c>.</summary>
    public ReadOnlySpan<double> Jacobian => _jacobian;

    /// <summary>The outputs <c>h(x_i; θ)</c>.</summary>
    public ReadOnlySpan<double> Outputs => _gram.Outputs;

    /// <summary>The residuals <c>r_i = h(x_i; θ) − y_i</c>.</summary>
    public ReadOnlySpan<double> Residuals => _gram.Residuals;

    /// <summary>n, the dimension of N.</summary>
    public int Count { get; }

    /// <summary>p.</summary>
    public int ParameterCount { get; }

    /// <summary>The smallest squared Cholesky pivot of <c>J Jᵀ</c>, a lower bound proxy for <c>σ_min(J)²</c>.</summary>
    public double SmallestPivot { get; }

    /// <summary><c>result = P v = v − Jᵀ (J Jᵀ)⁻¹ J v</c>. <paramref name="result"/> may be <paramref name="v"/>.</summary>
    public void Tangent(ReadOnlySpan<double> v, Span<double> result)
    {
        CheckP(v, "v");
        CheckP(result, "result");
        Span<double> w = Count <= 256 ? stackalloc double[Count] : new double[Count];
        GramMatrix.Times(_jacobian, Count, ParameterCount, v, w);
        Cholesky.Solve(_factor, Count, w);
        if (!v.Overlaps(result)) v.CopyTo(result);
        for (int i = 0; i < Count; i++)
            TensorPrimitives.MultiplyAdd(Row(i), -w[i], result, result);
    }

    /// <summary><c>result = Π_N v = Jᵀ (J Jᵀ)⁻¹ J v</c>. <paramref name="result"/> may be <paramref name="v"/>.</summary>
    public void Normal(ReadOnlySpan<double> v, Span<double> result)
    {
        CheckP(v, "v");
        CheckP(result, "result");
        Span<double> w = Count <= 256 ? stackalloc double[Count] : new double[Count];
        GramMatrix.Times(_jacobian, Count, ParameterCount, v, w);
        Cholesky.Solve(_factor, Count, w);
        GramMatrix.TransposeTimes(_jacobian, Count, ParameterCount, w, result);
    }

    /// <summary><c>c = Qᵀ v = L⁻¹ J v</c>, the n normal coordinates of v.</summary>
    public void ToNormalCoordinates(ReadOnlySpan<double> v, Span<double> coordinates)
    {
        CheckP(v, "v");
        CheckN(coordinates, "coordinates");
        GramMatrix.Times(_jacobian, Count, ParameterCount, v, coordinates);
        Cholesky.ForwardSubstitute(_factor, Count, coordinates);
    }

    /// <summary><c>v = Q c = Jᵀ L⁻ᵀ c</c>, the vector of N with normal coordinates c.</summary>
    public void FromNormalCoordinates(ReadOnlySpan<double> coordinates, Span<double> v)
    {
        CheckN(coordinates, "coordinates");
        CheckP(v, "v");
        Span<double> w = Count <= 256 ? stackalloc double[Count] : new double[Count];
        coordinates.CopyTo(w);
        Cholesky.BackSubstitute(_factor, Count, w);
        GramMatrix.TransposeTimes(_jacobian, Count, ParameterCount, w, v);
    }

    /// <summary>
    /// <c>δ = Jᵀ (J Jᵀ)⁻¹ b</c>: the minimum-norm solution of <c>J δ = b</c> (a Gauss–Newton step when b = r).
    /// </summary>
    public void MinimumNormSolution(ReadOnlySpan<double> rhs, Span<double> delta)
    {
        CheckN(rhs, "rhs");
        CheckP(delta, "delta");
        _gram.MinimumNormSolution(rhs, delta);
    }

    private ReadOnlySpan<double> Row(int i) => _jacobian.AsSpan(i * ParameterCount, ParameterCount);

    private void CheckP(ReadOnlySpan<double> v, string field) => Guard.Length(v.Length, ParameterCount, field);

    private void CheckN(ReadOnlySpan<double> c, string field) => Guard.Length(c.Length, Count, field);
}
