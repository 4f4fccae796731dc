using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Two gradients of <see cref="Models.MlpLanes{TW, TV, TU}"/> that share a factor, elements side by side: <c>Σ_p a_p b_{p,q}</c> and
/// <c>Σ_p a'_p b_{p,q}</c> for up to four q, where only <c>a</c> differs (the clean and the noisy backward signals of
/// one step share the weights and the activations, docs/theory.md §3). Each element is summed in order p = 0..k−1 with fused
/// or separate multiply-adds exactly as <see cref="LaneAccumulate{TW, TV, TU}.Four"/> sums it alone, so every lane keeps the
/// per-chain bits (docs/theory.md §1); <c>b</c> is loaded once for the eight dependency chains.
/// </summary>
internal static class LanePairAccumulate<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary>
    /// <c>destination[q·dStride] = Σ_p a[p·aStride] · b[p·bStride + q·qStride]</c>, and the same with
    /// <paramref name="pairA"/> into <paramref name="pairDestination"/>, for q &lt; count ≤ 4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Four(Span<TV> destination, Span<TV> pairDestination, int dStride,
        ReadOnlySpan<TV> a, ReadOnlySpan<TV> pairA, int aStride, ReadOnlySpan<TV> b,
        int bStride, int qStride, int k, int count, bool fused)
    {
        int q1 = Math.Min(1, count - 1) * qStride, q2 = Math.Min(2, count - 1) * qStride, q3 = Math.Min(3, count - 1) * qStride;
        int lastD = (count - 1) * dStride, lastA = (k - 1) * aStride;
        if (lastD >= destination.Length || lastD >= pairDestination.Length || (k > 0 && (lastA >= a.Length ||
            lastA >= pairA.Length || (k - 1) * bStride + q3 >= b.Length)))
            LaneAccumulate.OutsideSpan(k);
        TV c0 = default, c1 = default, c2 = default, c3 = default;
        TV e0 = default, e1 = default, e2 = default, e3 = default;
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pe = ref MemoryMarshal.GetReference(pairA);
        ref var pb = ref MemoryMarshal.GetReference(b);
        // Two loops, not a test per term: the fused and the separate sums are different roundings.
        for (int p = 0; fused && p < k; p++)
        {
            var (x, y) = (Unsafe.Add(ref pa, p * aStride), Unsafe.Add(ref pe, p * aStride));
            ref var row = ref Unsafe.Add(ref pb, p * bStride);
            TV b0 = row, b1 = Unsafe.Add(ref row, q1), b2 = Unsafe.Add(ref row, q2), b3 = Unsafe.Add(ref row, q3);
            (c0, c1, c2, c3) = (Fma(x, b0, c0), Fma(x, b1, c1), Fma(x, b2, c2), Fma(x, b3, c3));
            (e0, e1, e2, e3) = (Fma(y, b0, e0), Fma(y, b1, e1), Fma(y, b2, e2), Fma(y, b3, e3));
        }
        for (int p = 0; !fused && p < k; p++)
        {
            var (x, y) = (Unsafe.Add(ref pa, p * aStride), Unsafe.Add(ref pe, p * aStride));
            ref var row = ref Unsafe.Add(ref pb, p * bStride);
            TV b0 = row, b1 = Unsafe.Add(ref row, q1), b2 = Unsafe.Add(ref row, q2), b3 = Unsafe.Add(ref row, q3);
            (c0, c1, c2, c3) = (c0 + x * b0, c1 + x * b1, c2 + x * b2, c3 + x * b3);
            (e0, e1, e2, e3) = (e0 + y * b0, e1 + y * b1, e2 + y * b2, e3 + y * b3);
        }
        Store(destination, dStride, count, c0, c1, c2, c3);
        Store(pairDestination, dStride, count, e0, e1, e2, e3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Fma(TV a, TV b, TV c) =>
        TW.Fma(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<TV> destination, int dStride, int count, TV c0,
        TV c1, TV c2, TV c3)
    {
        destination[0] = c0;
        if (count > 1) destination[dStride] = c1;
        if (count > 2) destination[2 * dStride] = c2;
        if (count > 3) destination[3 * dStride] = c3;
    }
}
