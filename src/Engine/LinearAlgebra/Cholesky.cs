using System.Numerics.Tensors;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// Dense Cholesky factorization <c>A = L Lᵀ</c> of a small symmetric positive-definite <c>n × n</c> matrix, row-major,
/// in place (the lower triangle becomes L, the strict upper triangle is zeroed). Used for the Gram matrix
/// <c>J Jᵀ</c> of the zero-loss manifold tools (docs/theory.md §1), which is <c>n × n</c>, never <c>p × p</c>.
/// Allocation-free.
/// </summary>
public static class Cholesky
{
    /// <summary>
    /// The default rank tolerance: a squared pivot <c>d_j ≤ RelativeTolerance · max_i A_ii</c> counts as zero.
    /// For a Gram matrix <c>J Jᵀ</c> this flags <c>σ_min(J) / σ_max(J) ≲ 10⁻⁶</c>.
    /// </summary>
    public const double RelativeTolerance = 1e-12;

    /// <summary>
    /// Factors <paramref name="a"/> in place. Returns false when a squared pivot falls to
    /// <c>tolerance · max_i A_ii</c> or below (the matrix is singular or not positive definite to that tolerance);
    /// <paramref name="failedAt"/> is then its row and <paramref name="smallestPivot"/> its value <c>d_j</c>. On
    /// success <paramref name="smallestPivot"/> is the smallest <c>d_j = L_jj²</c> and <paramref name="failedAt"/> is −1.
    /// </summary>
    public static bool TryFactor(Span<double> a, int n, out double smallestPivot, out int failedAt,
        double tolerance = RelativeTolerance)
    {
        if (n < 0 || a.Length < n * n) throw new ArgumentException($"Cholesky: length {a.Length} < {n}×{n}", nameof(a));
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) maxDiagonal = Math.Max(maxDiagonal, a[i * n + i]);
        double floor = tolerance * maxDiagonal;
        smallestPivot = double.PositiveInfinity;
        failedAt = -1;
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            double pivot = a[j * n + j] - TensorPrimitives.Dot(rowJ, rowJ);
            smallestPivot = Math.Min(smallestPivot, pivot);
            if (!(pivot > floor))
            {
                failedAt = j;
                return false;
            }
            double ljj = Math.Sqrt(pivot);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j] - TensorPrimitives.Dot(a.Slice(i * n, j), rowJ);
                a[i * n + j] = s / ljj;
            }
            a.Slice(j * n + j + 1, n - j - 1).Clear();
        }
        if (n == 0) smallestPivot = 0;
        return true;
    }

    /// <summary>Solves <c>L z = b</c> in place (forward substitution): <c>b ← L⁻¹ b</c>.</summary>
    public static void ForwardSubstitute(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
            b[i] = (b[i] - TensorPrimitives.Dot(l.Slice(i * n, i), b[..i])) / l[i * n + i];
    }

    /// <summary>Solves <c>Lᵀ z = b</c> in place (back substitution): <c>b ← L⁻ᵀ b</c>.</summary>
    public static void BackSubstitute(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>Solves <c>A z = b</c> in place, given the factor L of A: <c>b ← L⁻ᵀ L⁻¹ b</c>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        ForwardSubstitute(l, n, b);
        BackSubstitute(l, n, b);
    }
}
