using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// Dense row-major matrix kernels for the batched models: <c>C += A·B</c> and transposes. The inner kernel keeps an
/// 8 × 16 block of C in AVX-512 registers and streams rows of B, so every product in the engine runs at a good fraction
/// of peak without a BLAS. Allocation-free.
/// </summary>
public static unsafe partial class Gemm
{
    private const int RowBlock = 8;
    private const int ColBlock = 16;

    /// <summary><c>C (m×n) += A (m×k) · B (k×n)</c>, all row-major and contiguous.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Product(a, b, c, m, k, n, accumulate: true);

    /// <summary>
    /// <c>C (m×n) = A (m×k) · B (k×n)</c>: the bits of clearing C and then <see cref="MultiplyAdd"/> (the register
    /// blocks start from +0 instead of loading a cleared C), without the pass that clears C or the one that reads it.
    /// </summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Product(a, b, c, m, k, n, accumulate: false);

    private static void Product(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            throw new ArgumentException($"Gemm shapes: a {a.Length} < {m}×{k}, b {b.Length} < {k}×{n} or c {c.Length} < {m}×{n}");
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }
        fixed (double* pa = a, pb = b, pc = c)
        {
            int jBlocked = Vector512.IsHardwareAccelerated ? n - n % ColBlock : 0;
            int i = 0;
            for (; i + RowBlock <= m; i += RowBlock)
            {
                for (int j = 0; j < jBlocked; j += ColBlock)
                {
                    Kernel8x16(pa + i * k, pb + j, k, n, pc + i * n + j, n, accumulate ? BlockStart.LoadC : BlockStart.Zero);
                }
                if (jBlocked < n)
                {
                    if (!accumulate) ClearColumns(pc + i * n, RowBlock, n, jBlocked);
                    Scalar(pa + i * k, pb, pc + i * n, RowBlock, k, n, jBlocked);
                }
            }
            if (i < m)
            {
                if (!accumulate) new Span<double>(pc + i * n, (m - i) * n).Clear();
                Rows(pa + i * k, pb, pc + i * n, m - i, k, n);
            }
        }
    }

    private static void ClearColumns(double* c, int rows, int n, int j0)
    {
        for (int r = 0; r < rows; r++) new Span<double>(c + r * n + j0, n - j0).Clear();
    }

    /// <summary>
    /// How <see cref="MultiplyAdd"/> rounds element <c>(row, j)</c> of an <c>m × n</c> product: columns
    /// <c>j &lt;</c> the returned count accumulate <c>C += a·b</c> with one fused multiply-add per term, the others with
    /// a separate multiply and add; every element sums its k terms in order. Rows in full blocks of 8 run the 8 × 16
    /// register kernel, leftover rows the row-vectorised loop (which also skips zero multipliers; that changes nothing
    /// but the sign of a zero). The chain-batched simulator reproduces every element from this rule.
    /// </summary>
    public static int FusedColumns(int row, int m, int n)
    {
        if (!Vector512.IsHardwareAccelerated) return 0;
        return row < m - m % RowBlock ? n - n % ColBlock : n - n % 8;
    }

    /// <summary>
    /// Whether <see cref="MultiplyAddTransposed"/> gives every element of an <c>m × n</c> product the bits of
    /// <see cref="MultiplyAdd"/> with a transposed copy of B: then both routes run whole register blocks only (or, without
    /// AVX-512, the scalar kernel only), so each element sums its k fused (or separate) multiply-adds in the same order.
    /// </summary>
    public static bool TransposedRouteExact(int m, int n) => m % ColBlock == 0 && n % ColBlock == 0;

    /// <summary>
    /// <c>C (m×n) += A (m×k) · Bᵀ</c> for row-major <c>B (n×k)</c>, computed as <c>Cᵀ += B · Aᵀ</c> in the scratch
    /// <paramref name="aT"/> (k × m) and <paramref name="cT"/> (n × m). B, typically a weight matrix far larger than A
    /// and C, is read once in its own layout and never transposed. Exact only where <see cref="TransposedRouteExact"/>.
    /// </summary>
    public static void MultiplyAddTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n,
        Span<double> aT, Span<double> cT)
    {
        if (aT.Length < k * m || cT.Length < n * m)
            throw new ArgumentException($"MultiplyAddTransposed scratch: {aT.Length} < {k}×{m} or {cT.Length} < {n}×{m}");
        Transpose(a, aT, m, k);
        Transpose(c, cT, m, n);
        MultiplyAdd(b, aT, cT, n, k, m);
        Transpose(cT, c, n, m);
    }

    /// <summary><c>T (cols×rows) = Sᵀ</c> for row-major <c>S (rows×cols)</c>, in 4 × 4 register tiles.</summary>
    public static void Transpose(ReadOnlySpan<double> s, Span<double> t, int rows, int cols)
    {
        if (s.Length < rows * cols || t.Length < rows * cols)
            throw new ArgumentException($"Transpose shapes: {s.Length} or {t.Length} < {rows}×{cols}");
        fixed (double* ps = s, pt = t)
        {
            int r4 = Avx.IsSupported ? rows - rows % 4 : 0, c4 = Avx.IsSupported ? cols - cols % 4 : 0;
            // Column strips of 8 (one cache line of each source row), rows inside: every source line is read whole
            // and every destination line written whole in order. Row-by-row over all columns instead, a large
            // power-of-two stride sends each tile's writes to the same few cache sets.
            for (int j0 = 0; j0 < c4; j0 += 8)
            {
                int j1 = Math.Min(j0 + 8, c4);
                for (int i = 0; i < r4; i += 4)
                {
                    for (int j = j0; j < j1; j += 4) Tile4x4(ps + i * cols + j, pt + j * rows + i, cols, rows);
                }
            }
            for (int i = 0; i < rows; i++)
            {
                int j0 = i < r4 ? c4 : 0;
                for (int j = j0; j < cols; j++) pt[j * rows + i] = ps[i * cols + j];
            }
        }
    }

    private static void Tile4x4(double* s, double* t, int sStride, int tStride)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + sStride);
        var r2 = Avx.LoadVector256(s + 2 * sStride);
        var r3 = Avx.LoadVector256(s + 3 * sStride);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Store(t, Avx.Permute2x128(t0, t2, 0x20));
        Avx.Store(t + tStride, Avx.Permute2x128(t1, t3, 0x20));
        Avx.Store(t + 2 * tStride, Avx.Permute2x128(t0, t2, 0x31));
        Avx.Store(t + 3 * tStride, Avx.Permute2x128(t1, t3, 0x31));
    }

    /// <summary>How a register block starts: from +0, from the C it adds to, or from a bias per row of the block.</summary>
    private enum BlockStart
    {
        Zero,
        LoadC,
        Bias,
    }

    /// <summary>
    /// The 8 × 16 register block: eight rows of A (<paramref name="a"/>, stride k) times sixteen columns of B
    /// (<paramref name="b"/>, row stride <paramref name="bStride"/>), each element one in-order chain of fused
    /// multiply-adds from its start. Stored at <paramref name="c"/> (row stride <paramref name="cStride"/>) as is, or,
    /// with <paramref name="transposed"/>, as its transpose (16 rows of 8).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x16(double* a, double* b, int k, int bStride, double* c, int cStride, BlockStart start,
        double* bias = null, bool transposed = false)
    {
        var zero = Vector512<double>.Zero;
        Vector512<double> c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
        Vector512<double> c40 = zero, c41 = zero, c50 = zero, c51 = zero, c60 = zero, c61 = zero, c70 = zero, c71 = zero;
        int n = cStride;
        if (start == BlockStart.LoadC)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + 8);
            c10 = Vector512.Load(c + n); c11 = Vector512.Load(c + n + 8);
            c20 = Vector512.Load(c + 2 * n); c21 = Vector512.Load(c + 2 * n + 8);
            c30 = Vector512.Load(c + 3 * n); c31 = Vector512.Load(c + 3 * n + 8);
            c40 = Vector512.Load(c + 4 * n); c41 = Vector512.Load(c + 4 * n + 8);
            c50 = Vector512.Load(c + 5 * n); c51 = Vector512.Load(c + 5 * n + 8);
            c60 = Vector512.Load(c + 6 * n); c61 = Vector512.Load(c + 6 * n + 8);
            c70 = Vector512.Load(c + 7 * n); c71 = Vector512.Load(c + 7 * n + 8);
        }
        else if (start == BlockStart.Bias)
        {
            c00 = c01 = Vector512.Create(bias[0]); c10 = c11 = Vector512.Create(bias[1]);
            c20 = c21 = Vector512.Create(bias[2]); c30 = c31 = Vector512.Create(bias[3]);
            c40 = c41 = Vector512.Create(bias[4]); c50 = c51 = Vector512.Create(bias[5]);
            c60 = c61 = Vector512.Create(bias[6]); c70 = c71 = Vector512.Create(bias[7]);
        }
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector512.Load(b + p * bStride);
            var b1 = Vector512.Load(b + p * bStride + 8);
            var x = Vector512.Create(a[p]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[k + p]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2 * k + p]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3 * k + p]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4 * k + p]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5 * k + p]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6 * k + p]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7 * k + p]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        if (transposed)
        {
            StoreTransposed(c, n, Transpose8(c00, c10, c20, c30, c40, c50, c60, c70));
            StoreTransposed(c + 8 * n, n, Transpose8(c01, c11, c21, c31, c41, c51, c61, c71));
            return;
        }
        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + n); c11.Store(c + n + 8);
        c20.Store(c + 2 * n); c21.Store(c + 2 * n + 8);
        c30.Store(c + 3 * n); c31.Store(c + 3 * n + 8);
        c40.Store(c + 4 * n); c41.Store(c + 4 * n + 8);
        c50.Store(c + 5 * n); c51.Store(c + 5 * n + 8);
        c60.Store(c + 6 * n); c61.Store(c + 6 * n + 8);
        c70.Store(c + 7 * n); c71.Store(c + 7 * n + 8);
    }

    /// <summary>Eight rows of a transposed register block, at <paramref name="c"/> with row stride n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTransposed(double* c, int n, (Vector512<double>, Vector512<double>, Vector512<double>,
        Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>) rows)
    {
        rows.Item1.Store(c); rows.Item2.Store(c + n); rows.Item3.Store(c + 2 * n); rows.Item4.Store(c + 3 * n);
        rows.Item5.Store(c + 4 * n); rows.Item6.Store(c + 5 * n); rows.Item7.Store(c + 6 * n); rows.Item8.Store(c + 7 * n);
    }

    /// <summary>Leftover rows: one row of C at a time, vectorised along the row (<see cref="RowTimesMatrix"/>).</summary>
    private static void Rows(double* a, double* b, double* c, int rows, int k, int n)
    {
        for (int r = 0; r < rows; r++) RowTimesMatrix(a + r * k, b, c + r * n, k, n, 0, n);
    }

    /// <summary>Leftover columns <c>[j0, n)</c> of a block of rows, plain scalar code.</summary>
    private static void Scalar(double* a, double* b, double* c, int rows, int k, int n, int j0)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int j = j0; j < n; j++)
            {
                double s = c[r * n + j];
                for (int p = 0; p < k; p++) s += a[r * k + p] * b[p * n + j];
                c[r * n + j] = s;
            }
        }
    }
}
