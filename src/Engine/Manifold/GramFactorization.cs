using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Manifold;

/// <summary>
/// J, the outputs and the residuals at θ and the Cholesky factor <c>J Jᵀ = L Lᵀ</c> (docs/theory.md §1), in buffers
/// that <see cref="Factor"/> refills at each new θ: the one code path of <see cref="TangentProjector"/>, which factors
/// once, and of the Gauss–Newton iterations, which refactor at every step or Runge–Kutta stage and so allocate
/// nothing after the first. Not thread-safe: one per thread.
/// </summary>
internal sealed class GramFactorization
{
    private readonly Model _model;
    private readonly Dataset _data;
    private readonly Workspace _ws;

    /// <summary>
    /// Buffers for the model and data (validated by the caller), forming J in <paramref name="ws"/> (the model's
    /// workspace for n rows) when given. Throws <see cref="InvalidInputException"/> on <c>theta</c> when n &gt; p.
    /// </summary>
    public GramFactorization(Model model, Dataset data, Workspace? ws = null)
    {
        int n = data.Count, p = model.ParameterCount;
        if (n > p)
            throw new InvalidInputException("theta", $"J is rank-deficient: it is n × p = {n} × {p} with more " +
                $"examples than parameters (model {model.Describe()}), so it cannot have full row rank");
        _model = model;
        _data = data;
        _ws = ws ?? model.CreateWorkspace(n);
        Count = n;
        ParameterCount = p;
        Jacobian = new double[n * p];
        Outputs = new double[n];
        Residuals = new double[n];
        Lower = new double[n * n];
    }

    /// <summary>n.</summary>
    public int Count { get; }

    /// <summary>p.</summary>
    public int ParameterCount { get; }

    /// <summary>J at the last θ factored, row-major <c>n × p</c>.</summary>
    public double[] Jacobian { get; }

    /// <summary>The outputs <c>h(x_i; θ)</c>.</summary>
    public double[] Outputs { get; }

    /// <summary>The residuals <c>r_i = h(x_i; θ) − y_i</c>.</summary>
    public double[] Residuals { get; }

    /// <summary>L, row-major <c>n × n</c> (strict upper triangle zero).</summary>
    public double[] Lower { get; }

    /// <summary>The smallest squared Cholesky pivot of <c>J Jᵀ</c> at the last θ factored.</summary>
    public double SmallestPivot { get; private set; }

    /// <summary>
    /// Forms J, the outputs and the residuals at θ (validated by the caller) and factors <c>J Jᵀ</c>. Throws
    /// <see cref="InvalidInputException"/> on <c>theta</c> when J is rank-deficient, naming the smallest pivot.
    /// </summary>
    public void Factor(ReadOnlySpan<double> theta)
    {
        int n = Count, p = ParameterCount;
        _model.Jacobian(theta, _data.X, Outputs, Jacobian, _ws);
        System.Numerics.Tensors.TensorPrimitives.Subtract(Outputs, _data.Y, Residuals);
        GramMatrix.Of(Jacobian, n, p, Lower);
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) maxDiagonal = Math.Max(maxDiagonal, Lower[i * n + i]);
        if (!Cholesky.TryFactor(Lower, n, out double pivot, out int row))
            throw new InvalidInputException("theta", $"J is rank-deficient: the Cholesky factorization of JJᵀ " +
                $"(n = {n}, p = {p}, model {_model.Describe()}) has pivot {Guard.Format(pivot)} at row {row}, at or " +
                $"below {Guard.Format(Cholesky.RelativeTolerance)} · max_i ||g_i||² = " +
                $"{Guard.Format(Cholesky.RelativeTolerance * maxDiagonal)}; the tangent projection needs full row rank");
        SmallestPivot = pivot;
    }

    /// <summary>
    /// <c>δ = Jᵀ (J Jᵀ)⁻¹ b</c> at the last θ factored: the minimum-norm solution of <c>J δ = b</c> (the caller checks
    /// the lengths).
    /// </summary>
    public void MinimumNormSolution(ReadOnlySpan<double> rhs, Span<double> delta)
    {
        int n = Count;
        Span<double> w = n <= 256 ? stackalloc double[n] : new double[n];
        rhs.CopyTo(w);
        Cholesky.Solve(Lower, n, w);
        GramMatrix.TransposeTimes(Jacobian, n, ParameterCount, w, delta);
    }
}
