using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// Products of one row vector, on a range of output columns, with the bits of a one-row <see cref="MultiplyAdd"/>
/// (<see cref="FusedColumns"/>: each element sums its terms in order, fused below <c>n − n mod 8</c>, a zero
/// multiplier skipped). A range lets two threads share one product, each writing its own columns (docs/theory.md §1: the
/// Hessian-vector product of one example on two cores).
/// </summary>
public static unsafe partial class Gemm
{
    /// <summary>
    /// <c>c[j] += Σ_p a[p] B[p, j]</c> for <c>j ∈ [from, to)</c>, row-major <c>B (k × n)</c>: the bits of
    /// <c>MultiplyAdd(a, B, c, 1, k, n)</c> on those columns.
    /// </summary>
    public static void MultiplyAddRowColumns(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int k, int n,
        int from, int to)
    {
        CheckRange(a.Length, k, b.Length, c.Length, n, from, to);
        fixed (double* pa = a, pb = b, pc = c) RowTimesMatrix(pa, pb, pc, k, n, from, to);
    }

    /// <summary>
    /// <c>c[j] += Σ_p W[j, p] a[p]</c> for <c>j ∈ [from, to)</c>, row-major <c>W (n × k)</c>: the bits of
    /// <c>MultiplyAdd(a, Wᵀ, c, 1, k, n)</c> on those columns, without forming <c>Wᵀ</c>. Eight rows of W at a time are
    /// transposed in registers, so each output keeps its own in-order chain of fused multiply-adds.
    /// </summary>
    public static void MultiplyAddMatrixVector(ReadOnlySpan<double> w, ReadOnlySpan<double> a, Span<double> c, int n, int k,
        int from, int to)
    {
        CheckRange(a.Length, k, w.Length, c.Length, n, from, to);
        int fused = FusedColumns(0, 1, n);
        fixed (double* pw = w, pa = a, pc = c)
        {
            int j = from;
            if (Avx512F.IsSupported)
            {
                for (; j + 8 <= Math.Min(to, fused); j += 8) EightRows(pw + (long)j * k, pa, pc + j, k);
            }
            for (; j < to; j++)
            {
                double* row = pw + (long)j * k;
                double s = pc[j];
                for (int p = 0; p < k; p++)
                {
                    if (pa[p] == 0) continue;
                    s = j < fused ? Math.FusedMultiplyAdd(pa[p], row[p], s) : s + pa[p] * row[p];
                }
                pc[j] = s;
            }
        }
    }

    private static void CheckRange(int aLength, int k, int bLength, int cLength, int n, int from, int to)
    {
        if (aLength < k || bLength < (long)k * n || cLength < n || from < 0 || to > n || from > to)
            throw new ArgumentException($"Gemm row shapes: a {aLength} < {k}, b {bLength} < {k}×{n}, c {cLength} < {n} or columns [{from}, {to}) outside [0, {n})");
    }

    /// <summary>One row of C, columns <c>[from, to)</c>, vectorised along the row.</summary>
    private static void RowTimesMatrix(double* a, double* b, double* c, int k, int n, int from, int to)
    {
        int fused = FusedColumns(0, 1, n);
        int vectorEnd = Math.Max(from, from + (Math.Min(to, fused) - from) / 8 * 8);
        for (int p = 0; p < k; p++)
        {
            double s = a[p];
            if (s == 0) continue;
            double* br = b + (long)p * n;
            var x = Vector512.Create(s);
            int j = from;
            for (; j < vectorEnd; j += 8) Vector512.FusedMultiplyAdd(x, Vector512.Load(br + j), Vector512.Load(c + j)).Store(c + j);
            for (; j < to; j++) c[j] = j < fused ? Math.FusedMultiplyAdd(s, br[j], c[j]) : c[j] + s * br[j];
        }
    }

    /// <summary><c>c[0..8) += W[0..8, :] a</c> for eight consecutive rows of W with row stride k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EightRows(double* w, double* a, double* c, int k)
    {
        var acc = Vector512.Load(c);
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            var (c0, c1, c2, c3, c4, c5, c6, c7) = Transpose8(w + p, k);
            var s = Vector512.Load(a + p);
            if (Vector512.EqualsAny(s, Vector512<double>.Zero))
            {
                acc = Skipping(acc, a + p, c0, c1, c2, c3, c4, c5, c6, c7);
                continue;
            }
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p]), c0, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 1]), c1, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 2]), c2, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 3]), c3, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 4]), c4, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 5]), c5, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 6]), c6, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p + 7]), c7, acc);
        }
        for (; p < k; p++)
        {
            if (a[p] == 0) continue;
            var column = Vector512.Create(w[p], w[k + p], w[2 * k + p], w[3 * k + p], w[4 * k + p], w[5 * k + p], w[6 * k + p], w[7 * k + p]);
            acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[p]), column, acc);
        }
        acc.Store(c);
    }

    private static Vector512<double> Skipping(Vector512<double> acc, double* a, Vector512<double> c0, Vector512<double> c1,
        Vector512<double> c2, Vector512<double> c3, Vector512<double> c4, Vector512<double> c5, Vector512<double> c6,
        Vector512<double> c7)
    {
        ReadOnlySpan<Vector512<double>> columns = [c0, c1, c2, c3, c4, c5, c6, c7];
        for (int q = 0; q < 8; q++)
        {
            if (a[q] != 0) acc = Vector512.FusedMultiplyAdd(Vector512.Create(a[q]), columns[q], acc);
        }
        return acc;
    }

    /// <summary>The 8 × 8 block at <paramref name="w"/> (row stride k), returned as its eight columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>,
        Vector512<double>, Vector512<double>, Vector512<double>) Transpose8(double* w, int k)
    {
        return Transpose8(Vector512.Load(w), Vector512.Load(w + k), Vector512.Load(w + 2 * k), Vector512.Load(w + 3 * k),
            Vector512.Load(w + 4 * k), Vector512.Load(w + 5 * k), Vector512.Load(w + 6 * k), Vector512.Load(w + 7 * k));
    }

    /// <summary>The 8 × 8 block whose rows are <paramref name="r0"/> … <paramref name="r7"/>, returned as its eight columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>, Vector512<double>,
        Vector512<double>, Vector512<double>, Vector512<double>) Transpose8(Vector512<double> r0, Vector512<double> r1,
        Vector512<double> r2, Vector512<double> r3, Vector512<double> r4, Vector512<double> r5, Vector512<double> r6,
        Vector512<double> r7)
    {
        // Pairs within 128-bit lanes: t0 = (r0_0 r1_0 | r0_2 r1_2 | r0_4 r1_4 | r0_6 r1_6), t1 the odd columns.
        var t0 = Avx512F.UnpackLow(r0, r1); var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3); var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5); var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7); var t7 = Avx512F.UnpackHigh(r6, r7);
        // Lanes 0 and 2 (columns 0, 4 or 1, 5) and lanes 1 and 3 (columns 2, 6 or 3, 7) of two row pairs.
        const byte even = 0b10_00_10_00, odd = 0b11_01_11_01;
        var u0 = Avx512F.Shuffle4x128(t0, t2, even); var u1 = Avx512F.Shuffle4x128(t0, t2, odd);
        var u2 = Avx512F.Shuffle4x128(t1, t3, even); var u3 = Avx512F.Shuffle4x128(t1, t3, odd);
        var u4 = Avx512F.Shuffle4x128(t4, t6, even); var u5 = Avx512F.Shuffle4x128(t4, t6, odd);
        var u6 = Avx512F.Shuffle4x128(t5, t7, even); var u7 = Avx512F.Shuffle4x128(t5, t7, odd);
        return (Avx512F.Shuffle4x128(u0, u4, even), Avx512F.Shuffle4x128(u2, u6, even),
            Avx512F.Shuffle4x128(u1, u5, even), Avx512F.Shuffle4x128(u3, u7, even),
            Avx512F.Shuffle4x128(u0, u4, odd), Avx512F.Shuffle4x128(u2, u6, odd),
            Avx512F.Shuffle4x128(u1, u5, odd), Avx512F.Shuffle4x128(u3, u7, odd));
    }
}
