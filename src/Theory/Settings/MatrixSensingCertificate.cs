using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The dual certificate that X* is the unique minimiser of <c>⟨W, X⟩</c> over PSD interpolants X (docs/theory.md §4.1),
/// decided from the data alone: the least-squares multipliers λ of
/// <c>(W − Σ λ_i A_i) Q = 0</c> (Q an orthonormal basis of the range of X*), then one eigenvalue check, the smallest
/// eigenvalue μ of <c>Y = W − Σ λ_i A_i</c> on the complement of that range. With <c>W = M = (1/n) Σ A_i²</c> the
/// objective is <c>reg/4</c>, so a certified X* is the slow flow's limit; with <c>W = I</c> it is the minimum-trace
/// (nuclear-norm) interpolant of the paper's story.
/// </summary>
/// <param name="Weight">The weight's name, <c>M</c> or <c>I</c>.</param>
/// <param name="Multipliers">λ, minimum-norm least squares.</param>
/// <param name="Residual">The relative residual <c>‖Y Q‖_F / ‖W Q‖_F</c> of the least-squares solve.</param>
/// <param name="ResidualBound">The rounding bound on <see cref="Residual"/> when the system is consistent, <c>10 dr ε κ(B)</c>.</param>
/// <param name="ComplementMinimum">μ, the smallest eigenvalue of <c>Q⊥ᵀ Y Q⊥</c>.</param>
/// <param name="Margin">How far μ must clear 0: the shift to the exact multipliers plus the eigensolver's error.</param>
/// <param name="Injective">Whether the measurements separate the matrices <c>Q C Qᵀ</c> (C symmetric r × r).</param>
public sealed record MatrixSensingCertificate(string Weight, double[] Multipliers, double Residual, double ResidualBound,
    double ComplementMinimum, double Margin, bool Injective)
{
    /// <summary>The unit roundoff of double, 2⁻⁵².</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Certified: the equation holds to rounding, <c>μ &gt; margin</c>, and the range is identifiable.</summary>
    public bool Certified => Residual <= ResidualBound && ComplementMinimum > Margin && Injective;

    /// <summary>The verdict in words, with μ and the margin.</summary>
    public string Verdict => Certified
        ? $"certified (W = {Weight}): μ = {ComplementMinimum:G3} > margin {Margin:G2}"
        : $"not certified (W = {Weight}): μ = {ComplementMinimum:G3}, margin {Margin:G2}, residual {Residual:G2} (bound {ResidualBound:G2})" +
          (Injective ? "" : ", range not identifiable");

    /// <summary>The certificate with <c>W = M</c> (X* is reg's minimiser on the PSD interpolants: the flow's limit).</summary>
    public static MatrixSensingCertificate ForReg(MatrixSensingProblem problem) => For(problem, "M", a => a.Aggregate((s, x) => s + x * x) / a.Length);

    /// <summary>The certificate with <c>W = I</c> (X* is the minimum-trace PSD interpolant).</summary>
    public static MatrixSensingCertificate ForTrace(MatrixSensingProblem problem) =>
        For(problem, "I", a => Matrix<double>.Build.DenseIdentity(a[0].RowCount));

    /// <summary>The certificate for a weight built from the symmetric sensing matrices.</summary>
    public static MatrixSensingCertificate For(MatrixSensingProblem problem, string weightName, Func<Matrix<double>[], Matrix<double>> weight)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(weight);
        int d = problem.Size, n = problem.Data.Count, r = problem.Rank;
        var sensing = Sensing(problem);
        var w = weight(sensing);
        var (q, complement) = Range(problem);

        // B: column i is vec(A_i Q); the right-hand side is vec(W Q).
        var b = Matrix<double>.Build.Dense(d * r, n);
        for (int i = 0; i < n; i++) b.SetColumn(i, Vec(sensing[i] * q));
        var rhs = Vec(w * q);
        var bSvd = b.Svd(true);
        var s = bSvd.S;
        double sMax = s.Count > 0 ? s[0] : 0, tiny = sMax * 1e-12;
        int rank = s.Count(v => v > tiny);
        var lambda = Vector<double>.Build.Dense(n);
        for (int j = 0; j < rank; j++) lambda += bSvd.VT.Row(j) * (bSvd.U.Column(j).DotProduct(rhs) / s[j]);
        lambda = Ascend(lambda, bSvd.VT.SubMatrix(rank, n - rank, 0, n).Transpose(), w, sensing, complement);
        var residualVector = rhs - b * lambda;
        double residual = residualVector.L2Norm() / rhs.L2Norm();
        bool consistent = rank == d * r;
        double sMin = consistent ? s[d * r - 1] : 0;
        double residualBound = consistent ? 10 * d * r * MachineEpsilon * (sMax / sMin) : 0;

        var y = Certificate(w, sensing, lambda);
        double mu = r == d ? double.PositiveInfinity : SmallestEigen(complement.Transpose() * y * complement).Value;
        double sensingNorm = Math.Sqrt(sensing.Sum(a => a.L2Norm() * a.L2Norm()));
        double shift = consistent ? residualVector.L2Norm() / sMin * sensingNorm : double.PositiveInfinity;
        double margin = shift + 10 * d * MachineEpsilon * y.FrobeniusNorm();
        return new MatrixSensingCertificate(weightName, lambda.ToArray(), residual, residualBound, mu, margin, Identifiable(sensing, q));
    }

    /// <summary>
    /// The slow flow's rate towards X* across the range at a point U of M (docs/theory.md §4.1):
    /// the flow is <c>dU/dt = −2 Y_t U</c> with <c>Y_t = M − Σ ν_i A_i</c>, ν the least-squares multipliers of
    /// <c>M U</c> on the <c>A_i U</c> (the projection P), so the block of UUᵀ between the range of X* and its
    /// complement decays at <c>2 λ_min(Q⊥ᵀ Y_t Q⊥)</c>, the rate returned.
    /// </summary>
    public static double FlowRate(MatrixSensingProblem problem, double[] theta) =>
        FlowRate(problem, theta, Range(problem).Complement);

    /// <summary>The flow's rate at U across the range of another limit, given the orthonormal basis of its complement.</summary>
    public static double FlowRate(MatrixSensingProblem problem, double[] theta, Matrix<double> complement)
    {
        ArgumentNullException.ThrowIfNull(complement);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(theta);
        int d = problem.Size, n = problem.Data.Count;
        var sensing = Sensing(problem);
        var m = sensing.Aggregate(Matrix<double>.Build.Dense(d, d), (s, x) => s + x * x) / n;
        var u = Matrix<double>.Build.DenseOfRowMajor(d, theta.Length / d, theta);
        var j = Matrix<double>.Build.Dense(u.RowCount * u.ColumnCount, n);
        for (int i = 0; i < n; i++) j.SetColumn(i, Vec(sensing[i] * u));
        var nu = j.QR().Solve(Vec(m * u));
        var y = m - sensing.Select((a, i) => a * nu[i]).Aggregate((p, x) => p + x);
        return complement.ColumnCount == 0 ? double.PositiveInfinity
            : 2 * (complement.Transpose() * y * complement).Evd().EigenValues.Min(e => e.Real);
    }

    /// <summary>An orthonormal basis of the eigenvectors of UUᵀ with eigenvalue at most 10⁻³ of the largest: the complement of its numerical range.</summary>
    public static Matrix<double> NullSpaceOf(int d, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var u = Matrix<double>.Build.DenseOfRowMajor(d, theta.Length / d, theta);
        var evd = (u * u.Transpose()).Evd(Symmetricity.Symmetric);
        double top = evd.EigenValues.Max(e => e.Real);
        var small = Enumerable.Range(0, d).Where(i => evd.EigenValues[i].Real <= 1e-3 * top).ToArray();
        var basis = Matrix<double>.Build.Dense(d, small.Length);
        for (int c = 0; c < small.Length; c++) basis.SetColumn(c, evd.EigenVectors.Column(small[c]));
        return basis;
    }

    private static Matrix<double>[] Sensing(MatrixSensingProblem problem)
    {
        int d = problem.Size;
        return [.. Enumerable.Range(0, problem.Data.Count).Select(i =>
        {
            var a = Matrix<double>.Build.DenseOfRowMajor(d, d, problem.Data.Row(i).ToArray());
            return (a + a.Transpose()) / 2;
        })];
    }

    /// <summary>Orthonormal bases of the range of X* (d × r) and of its complement (d × (d − r)).</summary>
    private static (Matrix<double> Range, Matrix<double> Complement) Range(MatrixSensingProblem problem)
    {
        int d = problem.Size, r = problem.Rank;
        var basis = Matrix<double>.Build.DenseOfRowMajor(d, r, problem.Factor).Svd(true).U;
        return (basis.SubMatrix(0, d, 0, r), basis.SubMatrix(0, d, r, d - r));
    }

    /// <summary>The number of subgradient steps of <see cref="Ascend"/>.</summary>
    public const int AscentSteps = 400;

    /// <summary>
    /// Among the multipliers <c>λ + N z</c> that solve the same equation (N a basis of B's null space), the one that
    /// makes μ largest, by projected subgradient ascent on the concave <c>μ(z) = λ_min(Q⊥ᵀ Y(z) Q⊥)</c> with steps
    /// <c>s₀/√(k+1)</c>, keeping the best point: the least-squares λ is one certificate among many, and X* is certified
    /// when any of them is positive on the complement.
    /// </summary>
    private static Vector<double> Ascend(Vector<double> lambda, Matrix<double> nullBasis, Matrix<double> w, Matrix<double>[] sensing,
        Matrix<double> complement)
    {
        if (nullBasis.ColumnCount == 0 || complement.ColumnCount == 0) return lambda;
        var directions = Enumerable.Range(0, nullBasis.ColumnCount).Select(j =>
            complement.Transpose() * sensing.Select((a, i) => a * nullBasis[i, j]).Aggregate((p, x) => p + x) * complement).ToArray();
        var y0 = complement.Transpose() * Certificate(w, sensing, lambda) * complement;
        double scale = y0.L2Norm() / directions.Max(c => c.L2Norm());
        var z = Vector<double>.Build.Dense(directions.Length);
        var best = z.Clone();
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < AscentSteps; k++)
        {
            var y = y0 - directions.Select((c, j) => c * z[j]).Aggregate((p, x) => p + x);
            var (value, v) = SmallestEigen(y);
            if (value > bestValue) { bestValue = value; best = z.Clone(); }
            var g = Vector<double>.Build.Dense(directions.Length, j => -v.DotProduct(directions[j] * v));
            double norm = g.L2Norm();
            if (norm == 0) break;
            z += g * (0.1 * scale / norm / Math.Sqrt(k + 1));
        }
        return lambda + nullBasis * best;
    }

    private static Matrix<double> Certificate(Matrix<double> w, Matrix<double>[] sensing, Vector<double> lambda) =>
        w - sensing.Select((a, i) => a * lambda[i]).Aggregate((p, x) => p + x);

    private static (double Value, Vector<double> Vector) SmallestEigen(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        int i = Enumerable.Range(0, symmetric.RowCount).MinBy(k => evd.EigenValues[k].Real);
        return (evd.EigenValues[i].Real, evd.EigenVectors.Column(i));
    }

    /// <summary>Whether <c>C ↦ (⟨A_i, Q C Qᵀ⟩)_i</c> is injective on symmetric r × r C (its Gram matrix is well conditioned).</summary>
    private static bool Identifiable(Matrix<double>[] sensing, Matrix<double> q)
    {
        var reduced = sensing.Select(a => q.Transpose() * a * q).ToArray();
        int r = q.ColumnCount;
        var pairs = new List<(int, int)>();
        for (int a = 0; a < r; a++)
            for (int c = a; c < r; c++) pairs.Add((a, c));
        var g = Matrix<double>.Build.Dense(sensing.Length, pairs.Count, (i, j) => reduced[i][pairs[j].Item1, pairs[j].Item2]);
        var sv = g.Svd(false).S;
        return sv[sv.Count - 1] > 1e-8 * sv[0];
    }

    private static Vector<double> Vec(Matrix<double> m) => Vector<double>.Build.DenseOfArray(m.ToColumnMajorArray());
}
