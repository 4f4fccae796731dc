using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Geometry;

/// <summary>
/// The normal space <c>N = span{g_i}</c> of the zero-loss manifold at θ (docs/theory.md §1), in n-dimensional coordinates.
/// With the Cholesky factor <c>J Jᵀ = L Lᵀ</c>, the columns of <c>Q = Jᵀ L⁻ᵀ</c> (p × n) are an orthonormal basis of
/// N; this class stores <c>Qᵀ = L⁻¹ J</c> row-major (n × p). Coordinates are <c>c = Qᵀ v</c>; the coordinates of
/// <c>g_i</c> are <c>a_i = Lᵀ e_i</c> (row i of L), and G restricted to N is <c>(1/n) Lᵀ L</c>.
/// No p × p matrix is ever formed: <c>P v = v − Jᵀ (J Jᵀ)⁻¹ J v</c>.
/// </summary>
public sealed class NormalFrame
{
    /// <summary>
    /// J counts as rank-deficient when <c>λ_min(J Jᵀ) ≤ RankTolerance · λ_max(J Jᵀ)</c>, i.e. when its singular values
    /// spread over more than 6 decades; the projections of docs/theory.md §1 are then numerically meaningless.
    /// </summary>
    public const double RankTolerance = 1e-12;

    private readonly double[] _jacobian;
    private readonly double[] _basis;
    private readonly Cholesky<double> _gramFactor;

    private NormalFrame(double[] jacobian, int n, int p, double[] residuals)
    {
        _jacobian = jacobian;
        Count = n;
        ParameterCount = p;
        Residuals = residuals;
        Gram = Matrix<double>.Build.Dense(n, n, (i, j) => Vectors.Dot(Row(jacobian, i, p), Row(jacobian, j, p)));
        var gramEigenvalues = Gram.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        RequireFullRowRank(gramEigenvalues, n);
        _gramFactor = Gram.Cholesky();
        Factor = _gramFactor.Factor;
        NormalHessian = Factor.TransposeThisAndMultiply(Factor) / n;
        HessianEigenvalues = gramEigenvalues.Select(l => l / n).ToArray();
        _basis = new double[n * p];
        var column = new double[n];
        for (int k = 0; k < p; k++)
        {
            for (int i = 0; i < n; i++) column[i] = jacobian[i * p + k];
            var solved = Factor.Solve(Vector<double>.Build.Dense(column));
            for (int i = 0; i < n; i++) _basis[i * p + k] = solved[i];
        }
    }

    /// <summary>The frame of the model's Jacobian at θ on the data (docs/theory.md §1); residuals are <c>h(x_i; θ) − y_i</c>.</summary>
    public static NormalFrame At(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateTheta(theta);
        model.ValidateData(data);
        int n = data.Count, p = model.ParameterCount;
        var jacobian = new double[n * p];
        var outputs = new double[n];
        model.Jacobian(theta, data.X, outputs, jacobian, model.CreateWorkspace(n));
        Guard.Finite(jacobian, "jacobian");
        var residuals = new double[n];
        for (int i = 0; i < n; i++) residuals[i] = outputs[i] - data.Y[i];
        return new NormalFrame(jacobian, n, p, residuals);
    }

    /// <summary>A frame from an explicit row-major n × p Jacobian (docs/theory.md §1), with zero residuals unless given.</summary>
    public static NormalFrame FromJacobian(double[] jacobian, int n, int p, double[]? residuals = null)
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        Guard.Positive(n, "n");
        Guard.Positive(p, "p");
        Guard.Length(jacobian.Length, n * p, "jacobian");
        Guard.Finite(jacobian, "jacobian");
        residuals ??= new double[n];
        Guard.Length(residuals.Length, n, "residuals");
        return new NormalFrame((double[])jacobian.Clone(), n, p, (double[])residuals.Clone());
    }

    /// <summary>The number of examples n = dim N (J has full row rank).</summary>
    public int Count { get; }

    /// <summary>The number of parameters p.</summary>
    public int ParameterCount { get; }

    /// <summary>J, row-major n × p, rows <c>g_i</c> (docs/theory.md §1).</summary>
    public ReadOnlySpan<double> Jacobian => _jacobian;

    /// <summary>The gradient <c>g_i</c> (row i of J).</summary>
    public ReadOnlySpan<double> ExampleGradient(int i) => _jacobian.AsSpan(i * ParameterCount, ParameterCount);

    /// <summary>Residuals <c>r_i = h(x_i; θ) − y_i</c> (docs/theory.md §1); zero on M.</summary>
    public double[] Residuals { get; }

    /// <summary><c>max_i |r_i|</c>.</summary>
    public double MaxResidual => Residuals.Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>The Gram matrix <c>J Jᵀ</c> (n × n).</summary>
    public Matrix<double> Gram { get; }

    /// <summary>The lower Cholesky factor L of <c>J Jᵀ = L Lᵀ</c>.</summary>
    public Matrix<double> Factor { get; }

    /// <summary><c>G = (1/n) JᵀJ</c> restricted to N in these coordinates: <c>(1/n) Lᵀ L</c> (n × n, docs/theory.md §1–§2).</summary>
    public Matrix<double> NormalHessian { get; }

    /// <summary>The eigenvalues of G on N, ascending: those of <c>(1/n) J Jᵀ</c>.</summary>
    public double[] HessianEigenvalues { get; }

    /// <summary>λ_max of G on N.</summary>
    public double LargestHessianEigenvalue => HessianEigenvalues[^1];

    /// <summary>Basis vector <c>q_k</c> of N (column k of Q, row k of the stored Qᵀ), length p.</summary>
    public ReadOnlySpan<double> BasisVector(int k) => _basis.AsSpan(k * ParameterCount, ParameterCount);

    /// <summary>The coordinates <c>a_i = Qᵀ g_i = Lᵀ e_i</c> of <c>g_i</c> (row i of L).</summary>
    public Vector<double> GradientCoordinates(int i) => Factor.Row(i);

    /// <summary>Normal coordinates <c>c = Qᵀ v</c> of a p-vector.</summary>
    public double[] Coordinates(ReadOnlySpan<double> v)
    {
        Guard.Length(v.Length, ParameterCount, "v");
        var c = new double[Count];
        for (int k = 0; k < Count; k++) c[k] = Vectors.Dot(BasisVector(k), v);
        return c;
    }

    /// <summary>The p-vector <c>Q c</c> with normal coordinates c.</summary>
    public double[] Embed(ReadOnlySpan<double> c)
    {
        Guard.Length(c.Length, Count, "c");
        var v = new double[ParameterCount];
        for (int k = 0; k < Count; k++) Vectors.AddScaled(v, BasisVector(k), c[k]);
        return v;
    }

    /// <summary><c>Jᵀ (J Jᵀ)⁻¹ r</c>: the minimum-norm δ with <c>J δ = r</c> (a Gauss–Newton step, docs/theory.md §3).</summary>
    public double[] MinimumNormSolution(ReadOnlySpan<double> r)
    {
        Guard.Length(r.Length, Count, "r");
        var mu = _gramFactor.Solve(Vector<double>.Build.Dense(r.ToArray()));
        var v = new double[ParameterCount];
        for (int i = 0; i < Count; i++) Vectors.AddScaled(v, ExampleGradient(i), mu[i]);
        return v;
    }

    /// <summary><c>Π_N v = Jᵀ (J Jᵀ)⁻¹ J v</c> (docs/theory.md §1).</summary>
    public double[] ProjectNormal(ReadOnlySpan<double> v)
    {
        Guard.Length(v.Length, ParameterCount, "v");
        var jv = new double[Count];
        for (int i = 0; i < Count; i++) jv[i] = Vectors.Dot(ExampleGradient(i), v);
        return MinimumNormSolution(jv);
    }

    /// <summary><c>P v = v − Jᵀ (J Jᵀ)⁻¹ J v</c>, the projection onto the tangent space <c>T = ker J</c> (docs/theory.md §1).</summary>
    public double[] ProjectTangent(ReadOnlySpan<double> v)
    {
        var normal = ProjectNormal(v);
        var t = v.ToArray();
        for (int k = 0; k < t.Length; k++) t[k] -= normal[k];
        return t;
    }

    private static void RequireFullRowRank(double[] ascending, int n)
    {
        double max = ascending[^1], min = ascending[0];
        if (max > 0 && min > RankTolerance * max) return;
        int rank = ascending.Count(l => l > RankTolerance * max && max > 0);
        throw new InvalidInputException("theta",
            $"J has rank {rank} < n = {n} (eigenvalues of J Jᵀ from {Guard.Format(min)} to {Guard.Format(max)}, " +
            $"relative tolerance {Guard.Format(RankTolerance)}); the normal space of docs/theory.md §1 needs full row rank");
    }

    private static ReadOnlySpan<double> Row(double[] m, int i, int p) => m.AsSpan(i * p, p);

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Vectors.Dot(a, b);

    internal static void AddScaled(Span<double> target, ReadOnlySpan<double> v, double scale) =>
        Vectors.AddScaled(target, v, scale);
}
