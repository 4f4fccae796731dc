using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.LinearAlgebra;

/// <summary>
/// A layer's pre-activations <c>Z = 1 βᵀ + A Wᵀ</c> in one pass (docs/theory.md §1: the forward pass of a wide layer):
/// the register blocks hold <c>Zᵀ</c>, start from the bias and are transposed in registers as they are stored. This
/// gives the bits of filling each row of Z with β and then <see cref="MultiplyAddTransposed"/> (each element's chain
/// of fused multiply-adds starts from its bias and runs over k in order), without the bias copy or the two transposes
/// of Z that route takes.
/// </summary>
public static unsafe partial class Gemm
{
    /// <summary>
    /// Whether <see cref="BiasPlusTransposedProduct"/> runs for an <c>m × n</c> result: AVX-512 and a shape on which
    /// <see cref="MultiplyAddTransposed"/> runs whole register blocks only (<see cref="TransposedRouteExact"/>).
    /// </summary>
    public static bool BiasRouteFused(int m, int n) =>
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated && TransposedRouteExact(m, n);

    /// <summary>
    /// <c>C (m×n) = 1 βᵀ + A (m×k) · Bᵀ</c> for row-major <c>B (n×k)</c> and a bias row <c>β (n)</c>, with the scratch
    /// <paramref name="aT"/> (k × m) for <c>Aᵀ</c>. Only where <see cref="BiasRouteFused"/>.
    /// </summary>
    public static void BiasPlusTransposedProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> bias,
        Span<double> c, int m, int k, int n, Span<double> aT)
    {
        if (!BiasRouteFused(m, n))
            throw new ArgumentException($"BiasPlusTransposedProduct: no fused route for {m}×{n} on this machine");
        if (a.Length < m * k || b.Length < n * k || bias.Length < n || c.Length < m * n || aT.Length < k * m)
            throw new ArgumentException(
                $"BiasPlusTransposedProduct shapes: a {a.Length} < {m}×{k}, b {b.Length} < {n}×{k}, bias {bias.Length} < {n}, c {c.Length} < {m}×{n} or scratch {aT.Length} < {k}×{m}");
        Transpose(a, aT, m, k);
        fixed (double* pt = aT, pb = b, pbias = bias, pc = c)
        {
            for (int u = 0; u < n; u += RowBlock)
            {
                for (int r = 0; r < m; r += ColBlock)
                {
                    // Rows r … r+15 and columns u … u+7 of C: eight rows of B against sixteen columns of Aᵀ.
                    Kernel8x16(pb + u * k, pt + r, k, m, pc + r * n + u, n, BlockStart.Bias, pbias + u, transposed: true);
                }
            }
        }
    }
}
