using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Up to four matrix elements of <see cref="Models.MlpLanes{TW, TV, TU}"/> at once: <c>c_q + Σ_p a_p b_{p,q}</c> for q &lt; count, each
/// summed in order p = 0..k−1 with fused or separate multiply-adds exactly as one element alone would be
/// (<see cref="Gemm.FusedColumns"/>), so every lane keeps the per-chain bits (docs/theory.md §1). The shared
/// factor <c>a_p</c> is loaded once for the four, and the four dependency chains overlap. Unused slots (q ≥ count)
/// repeat the last element and are not written.
/// </summary>
internal static class LaneAccumulate<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary>
    /// <c>destination[q·dStride] = c_q + Σ_p a[p·aStride] · b[p·bStride + q·qStride]</c> for q &lt; count ≤ 4, where
    /// <c>c_q</c> is <paramref name="initial"/>[q·cStride] or zero when <paramref name="initial"/> is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Four(Span<TV> destination, int dStride, ReadOnlySpan<TV> initial,
        int cStride, ReadOnlySpan<TV> a, int aStride, ReadOnlySpan<TV> b, int bStride, int qStride,
        int k, int count, bool fused)
    {
        int q1 = Math.Min(1, count - 1) * qStride, q2 = Math.Min(2, count - 1) * qStride, q3 = Math.Min(3, count - 1) * qStride;
        // One bounds check per operand for the whole loop: the last term of the last element lies inside each span.
        if ((count - 1) * dStride >= destination.Length || (k > 0 && ((k - 1) * aStride >= a.Length ||
            (k - 1) * bStride + q3 >= b.Length)) || (!initial.IsEmpty && (count - 1) * cStride >= initial.Length))
            LaneAccumulate.OutsideSpan(k);
        TV c0 = default, c1 = default, c2 = default, c3 = default;
        if (!initial.IsEmpty)
        {
            ref var pc = ref MemoryMarshal.GetReference(initial);
            int last = count - 1;
            (c0, c1, c2, c3) = (pc, Unsafe.Add(ref pc, Math.Min(1, last) * cStride), Unsafe.Add(ref pc, Math.Min(2, last) * cStride),
                Unsafe.Add(ref pc, Math.Min(3, last) * cStride));
        }
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        if (fused)
        {
            for (int p = 0; p < k; p++)
            {
                var x = Unsafe.Add(ref pa, p * aStride);
                ref var row = ref Unsafe.Add(ref pb, p * bStride);
                c0 = TW.Fma(x, row, c0);
                c1 = TW.Fma(x, Unsafe.Add(ref row, q1), c1);
                c2 = TW.Fma(x, Unsafe.Add(ref row, q2), c2);
                c3 = TW.Fma(x, Unsafe.Add(ref row, q3), c3);
            }
        }
        else
        {
            for (int p = 0; p < k; p++)
            {
                var x = Unsafe.Add(ref pa, p * aStride);
                ref var row = ref Unsafe.Add(ref pb, p * bStride);
                c0 += x * row;
                c1 += x * Unsafe.Add(ref row, q1);
                c2 += x * Unsafe.Add(ref row, q2);
                c3 += x * Unsafe.Add(ref row, q3);
            }
        }
        destination[0] = c0;
        if (count > 1) destination[dStride] = c1;
        if (count > 2) destination[2 * dStride] = c2;
        if (count > 3) destination[3 * dStride] = c3;
    }
}

/// <summary>The failure of every lane accumulation whose terms do not lie inside their spans.</summary>
internal static class LaneAccumulate
{
    internal static void OutsideSpan(int k) => throw new ArgumentOutOfRangeException(nameof(k), k, "a term lies outside its span");
}
