using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The engine's own natural logarithm, for the Box–Muller radius of every Gaussian (docs/design.md "Bit-identity
/// contract"): one source, <see cref="NaturalLog{TW, TV, TU}"/>, instantiated for one double (<see cref="Log(double)"/>, the
/// per-chain path) and for the lanes of a vector (<see cref="NaturalLog{TW, TV, TU}.Log(TV)"/>), so both give the same bits on
/// every machine and C library. The algorithm is the ARM optimized-routines logarithm (as in glibc since 2.28, error
/// below 0.52 ulp): <c>x = 2^k z</c>, <c>r = z/c − 1</c> by one fused multiply-add with the tabulated <c>1/c</c>,
/// <c>log x = k ln 2 + log c + r + A(r)</c>, and near 1 (<c>|x − 1| &lt; 0x1.09p−4</c>) a degree-11 polynomial with a
/// split square. Zero, negative, subnormal, infinite and NaN arguments take the scalar path of
/// <see cref="Log(double)"/>, lane by lane.
/// </summary>
internal static class NaturalLog
{
    /// <summary>The table, pinned, outside the generic class so the lanes read it as a constant address.</summary>
    internal static readonly double[] Table = PinnedTable.Of(LogTable.Table);


    /// <summary>
    /// <c>ln x</c>; −∞ at ±0, NaN below zero and at NaN, +∞ at +∞. A root of its own, optimized from its first call:
    /// at the JIT's first tier every width operation of <see cref="NaturalLog{TW, TV, TU}.Core"/> is a call, and inlined
    /// into a caller the core ran out of inlining budget and stayed a separate method that started at that tier again;
    /// either way the per-chain path ran slower than with the C library's logarithm until promotion
    /// (docs/bench-history.md "2026-12-07 (fifth entry)").
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        ulong ix = BitConverter.DoubleToUInt64Bits(x);
        return (ix >> 48) - 0x10 < 0x7FE0 ? NaturalLog<ScalarWidth, double, ulong>.Core(x, ix) : Special(x, ix);
    }

    /// <summary>Zero, below zero, subnormal, infinite or NaN (the special cases of the ARM routine).</summary>
    private static double Special(double x, ulong ix)
    {
        if (ix << 1 == 0) return double.NegativeInfinity;
        if (ix == 0x7FF0000000000000) return x;
        if ((ix >> 63) != 0 || (ix & 0x7FF0000000000000) == 0x7FF0000000000000) return double.NaN;
        // Subnormal: scaled into the normal range, its exponent corrected by 52.
        return NaturalLog<ScalarWidth, double, ulong>.Core(x, BitConverter.DoubleToUInt64Bits(x * 4503599627370496.0) - (52UL << 52));
    }
}

/// <summary>
/// <see cref="NaturalLog"/> on the lanes of a width <typeparamref name="TW"/>: the one source of the logarithm, whose
/// <see cref="ScalarWidth"/> instance is <c>NaturalLog.Log(double)</c>.
/// </summary>
internal static class NaturalLog<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : System.Numerics.IAdditionOperators<TV, TV, TV>, System.Numerics.ISubtractionOperators<TV, TV, TV>,
        System.Numerics.IMultiplyOperators<TV, TV, TV>, System.Numerics.IDivisionOperators<TV, TV, TV>,
        System.Numerics.IUnaryNegationOperators<TV, TV>
    where TU : System.Numerics.IAdditionOperators<TU, TU, TU>, System.Numerics.ISubtractionOperators<TU, TU, TU>,
        System.Numerics.IBitwiseOperators<TU, TU, TU>, System.Numerics.IShiftOperators<TU, int, TU>
{
    private const double Ln2Hi = 0.6931471805598903, Ln2Lo = 5.497923018708371e-14, Split = 134217728.0; // 2^27
    private const double A0 = -0.5000000000000001, A1 = 0.33333333331825593, A2 = -0.2499999999622955,
        A3 = 0.20000304511814496, A4 = -0.16667054827627667;
    private const double B0 = -0.5, B1 = 0.3333333333333352, B2 = -0.24999999999998432, B3 = 0.19999999999320328,
        B4 = -0.16666666669929706, B5 = 0.14285715076560868, B6 = -0.12499997863982555, B7 = 0.11110712032936046,
        B8 = -0.10000486757818193, B9 = 0.09181994006195467, B10 = -0.08328363062289341;
    private const ulong Off = 0x3FE6000000000000, NearLow = 0x3FEE000000000000, NearWidth = 0x3090000000000;
    private const ulong One = 0x3FF0000000000000;

    /// <summary>
    /// <c>ln x</c> per lane, the bits of <c>NaturalLog.Log(double)</c> in every lane. Not inlined: a root of its own, so
    /// the JIT inlines every lane operation inside it (inlined into a large caller it ran out of inlining budget and
    /// called the operators).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TV Log(TV x)
    {
        var ix = TW.Bits(x);
        // Lanes below the smallest normal, negative, infinite or NaN: the scalar special cases, lane by lane.
        if (!TW.AllBelow((ix >> 48) - TW.U(0x10), TW.U(0x7FE0))) return TW.PerLane(x, NaturalLog.Log);
        return Core(x, ix);
    }

    /// <summary>The logarithm of the double with bits <paramref name="ix"/> (x itself serves the path near 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Core(TV x, TU ix)
    {
        var tmp = ix - TW.U(Off);
        var index = (tmp >> 45) & TW.U(0x7F);
        var kd = TW.Exponent(tmp);
        var z = TW.Double(ix - (tmp & TW.U(0xFFF0000000000000)));
        var entry = index + index;
        var (invc, logc) = (TW.Gather(NaturalLog.Table, 0, entry), TW.Gather(NaturalLog.Table, 1, entry));
        var w = TW.Fma(kd, TW.C(Ln2Hi), logc);
        var r = TW.Fma(z, invc, TW.C(-1.0));
        var hi = r + w;
        var r2 = r * r;
        var lo = TW.Fma(kd, TW.C(Ln2Lo), w - hi + r);
        var y = TW.Fma(r * r2, TW.Fma(TW.Fma(r, TW.C(A4), TW.C(A3)), r2, TW.Fma(r, TW.C(A2), TW.C(A1))), TW.Fma(r2, TW.C(A0), lo)) + hi;
        var near = TW.Below(ix - TW.U(NearLow), TW.U(NearWidth));
        if (!TW.Any(near)) return y;
        var nearOne = TW.Select(TW.Same(ix, TW.U(One)), TW.C(0.0), NearOne(x));
        return TW.Select(near, nearOne, y);
    }

    /// <summary>Near 1: <c>r + B0 r² + r³ P(r)</c> with <c>r²</c> split at 2^27 for the leading term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV NearOne(TV x)
    {
        var r = x - TW.C(1.0);
        var r2 = r * r;
        var r3 = r * r2;
        var p = TW.Fma(TW.Fma(r3, TW.C(B10), TW.Fma(r2, TW.C(B9), TW.Fma(r, TW.C(B8), TW.C(B7)))), r3,
            TW.Fma(r2, TW.C(B6), TW.Fma(r, TW.C(B5), TW.C(B4))));
        p = TW.Fma(p, r3, TW.Fma(r2, TW.C(B3), TW.Fma(r, TW.C(B2), TW.C(B1))));
        var rhi = TW.Fma(TW.C(-Split), r, TW.Fma(r, TW.C(Split), r));
        var rhi2 = rhi * rhi;
        var hi = TW.Fma(rhi2, TW.C(B0), r);
        var lo = TW.Fma(TW.C(B0) * (r - rhi), r + rhi, TW.Fma(rhi2, TW.C(B0), r - hi));
        return hi + TW.Fma(p, r3, lo);
    }
}
