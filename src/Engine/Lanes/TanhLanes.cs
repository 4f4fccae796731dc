using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// <c>tanh</c> and <c>1 − tanh²</c> over the lanes of a width <typeparamref name="TW"/> with exactly the bits of
/// <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/>, for the chain-batched simulator (docs/theory.md §1:
/// the batched run equals the per-chain one). The library computes <c>tanh |x| = −z/(z + 2)</c> with
/// <c>z = e^{−2|x|} − 1</c> and the sign of x put back, the same arithmetic at every vector width; its exponential is a
/// call per vector, which keeps one vector's dependency chain from overlapping the next. Here the same arithmetic (the
/// exponential's reduction <c>x·(64/ln 2)</c>, two-part <c>ln 2/64</c>, degree-12 polynomial with fused multiply-adds,
/// scaling by <c>2^m</c>) is written inline; a vector with an argument outside the fast range (|x| &gt; 354.5, NaN) goes
/// to the library itself. <see cref="Exact"/> is checked once per width against the library on random and special
/// inputs; if any bit differs (another runtime version), or the width is not native here, <see cref="Evaluate"/> calls
/// the library: on the whole span when every entry is in range (entry by entry the same bits), else vector by vector.
/// </summary>
internal static class TanhLanes<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    private const ulong ArgumentMax = 0x40862000_00000000; // |x| ≤ 709 (as bits)
    private const double Shifter = 6755399441055744; // 1.5 · 2^52
    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Head = 0.693359375, Ln2Tail = -0.00021219444005469057;

    /// <summary>True when the inline arithmetic reproduced the library bit for bit on this machine at this width.</summary>
    public static bool Exact { get; } = Verify();

    /// <summary><c>value = tanh z</c>, <c>d1 = 1 − value²</c>, entry by entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<TV> z, Span<TV> value, Span<TV> d1)
    {
        var one = TW.C(1.0);
        bool inRange = InRange(z);
        if (!Exact)
        {
            // In range the library's grouping of entries into vectors cannot matter: one call for the whole span.
            if (inRange) TensorPrimitives.Tanh(MemoryMarshal.Cast<TV, double>(z), MemoryMarshal.Cast<TV, double>(value));
            else
            {
                for (int t = 0; t < z.Length; t++) value[t] = Library(z[t]);
            }
            for (int t = 0; t < z.Length; t++) d1[t] = one - value[t] * value[t];
            return;
        }
        if (inRange)
        {
            // No vector goes to the library: the loop holds no call, so nothing is spilled around one.
            for (int t = 0; t < z.Length; t++)
            {
                var a = Inline(z[t]);
                (value[t], d1[t]) = (a, one - a * a);
            }
            return;
        }
        for (int t = 0; t < z.Length; t++)
        {
            var a = InRange(z.Slice(t, 1)) ? Inline(z[t]) : Library(z[t]);
            (value[t], d1[t]) = (a, one - a * a);
        }
    }

    /// <summary>
    /// <c>value = tanh z</c> over a span of one model (the per-chain forward pass), with the bits of
    /// <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/>, when the span is whole vectors and every entry is
    /// in the inline range, so the library's grouping of entries into vectors cannot matter; otherwise false and nothing
    /// is written.
    /// </summary>
    public static bool TryEvaluate(ReadOnlySpan<double> z, Span<double> value)
    {
        if (!Exact || z.Length < TW.Count || z.Length % TW.Count != 0) return false;
        var lanes = MemoryMarshal.Cast<double, TV>(z);
        if (!InRange(lanes)) return false;
        var values = MemoryMarshal.Cast<double, TV>(value[..z.Length]);
        for (int t = 0; t < lanes.Length; t++) values[t] = Inline(lanes[t]);
        return true;
    }

    /// <summary>
    /// Whether every lane of every entry is in the inline path's range (|x| ≤ 354.5, not NaN). Optimized from its first
    /// call: unoptimized, each width operation in it is a call, and it runs once per layer and step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool InRange(ReadOnlySpan<TV> z)
    {
        foreach (var x in z)
        {
            var y = TW.Abs(x);
            if (!TW.AllBelow(TW.Bits(y + y), TW.U(ArgumentMax + 1))) return false;
        }
        return true;
    }

    /// <summary>The library's arithmetic for a vector in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Inline(TV x)
    {
        var y = TW.Abs(x);
        var z = Exp(TW.C(-2.0) * y) - TW.C(1.0);
        var sign = TW.Bits(x) & TW.U(0x8000_0000_0000_0000UL);
        return TW.Double(sign ^ TW.Bits(-z / (z + TW.C(2.0))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Exp(TV x)
    {
        var shifted = TW.Fma(x, TW.C(InvLn2), TW.C(Shifter));
        var n = TW.Bits(shifted);
        var dn = shifted - TW.C(Shifter);
        var r = TW.Fma(dn, TW.C(-Ln2Head), x);
        r = TW.Fma(dn, TW.C(-Ln2Tail), r);
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var high = TW.Fma(TW.Fma(TW.C(2.499430431958571E-08), r, TW.C(2.7632293298250954E-07)), r2,
            TW.Fma(TW.C(2.7557622532543023E-06), r, TW.C(2.4801486521374483E-05)));
        var middle = TW.Fma(TW.Fma(TW.C(0.00019841269432677495), r, TW.C(0.001388888895122404)), r2,
            TW.Fma(TW.C(0.008333333333559272), r, TW.C(0.04166666666649277)));
        var low = TW.Fma(TW.Fma(TW.C(0.1666666666666617), r, TW.C(0.5000000000000018)), r2, r + TW.C(1.0));
        var poly = TW.Fma(high, r8, TW.Fma(middle, r4, low));
        return poly * TW.Double((n + TW.U(1023UL)) << 52);
    }

    /// <summary>The library on one vector's lanes (its fallback acts on the whole vector an argument sits in).</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV Library(TV x)
    {
        Span<TV> lanes = [x];
        var doubles = MemoryMarshal.Cast<TV, double>(lanes);
        TensorPrimitives.Tanh(doubles, doubles);
        return lanes[0];
    }

    /// <summary>
    /// The inline path against the library on 2¹⁴ random values of mixed magnitude below the fast range's limit, and on
    /// special values each filling a whole vector (the library's fallback for an out-of-range argument changes the whole
    /// vector it sits in, so mixed vectors would compare groupings, not arithmetic). Only where the width is native and
    /// has fused multiply-adds: elsewhere the runtime emulates the vector, slower than the library's own narrower vectors.
    /// </summary>
    private static bool Verify()
    {
        if (!TW.Accelerated || TW.Count < 2 || !(System.Runtime.Intrinsics.X86.Fma.IsSupported ||
            System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported)) return false;
        int w = TW.Count;
        var random = new System.Random(20201);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, 354.0, -354.5, 355.0, 400.0, -800.0,
            double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 19.0, -0.5493061443340549];
        var x = new double[(1 << 14) + w * special.Length];
        for (int t = 0; t < 1 << 14; t++) x[t] = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 9));
        for (int s = 0; s < special.Length; s++) x.AsSpan((1 << 14) + w * s, w).Fill(special[s]);
        var expected = new double[x.Length];
        for (int t = 0; t < x.Length; t += w) TensorPrimitives.Tanh(x.AsSpan(t, w), expected.AsSpan(t, w));
        var z = MemoryMarshal.Cast<double, TV>(x);
        var value = new TV[z.Length];
        for (int i = 0; i < z.Length; i++) value[i] = InRange(z.Slice(i, 1)) ? Inline(z[i]) : Library(z[i]);
        var got = MemoryMarshal.Cast<TV, double>(value);
        for (int t = 0; t < x.Length; t++)
        {
            if (BitConverter.DoubleToInt64Bits(got[t]) != BitConverter.DoubleToInt64Bits(expected[t])
                && !(double.IsNaN(got[t]) && double.IsNaN(expected[t]))) return false;
        }
        return true;
    }
}
