using System.Numerics;
using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The engine's own cosine, for the Box–Muller angle of every Gaussian (docs/design.md "Bit-identity contract"): one
/// source, <see cref="Cosine{TW, TV, TU}"/>, instantiated for one double (<see cref="Cos(double)"/>, the per-chain path)
/// and for the lanes of a vector, so both give the same bits on every machine and C library. The algorithm is the IBM
/// Accurate Mathematical Library's (glibc <c>s_sin.c</c>, error below 1 ulp) on <c>|x|</c>: below 0.855469 the table
/// cosine of x; below 2.426265 the table (or Taylor) sine of <c>π/2 − x</c> in two parts; below 105414350, x reduced by a
/// four-part <c>π/2</c> to <c>a + da</c> and quadrant n, then the sine or cosine by the parity of n + 1 and its sign by
/// bit 1. Larger finite arguments are reduced exactly (<see cref="Reduce"/>) and finished by the same code; infinite
/// and NaN arguments give NaN.
/// </summary>
internal static class Cosine
{
    /// <summary>The table, pinned, outside the generic class so the lanes read it as a constant address.</summary>
    internal static readonly double[] Table = PinnedTable.Of(CosTable.Table);

    /// <summary>
    /// <c>cos x</c>; NaN at ±∞ and NaN. Optimized from its first call, for the reason given at
    /// <see cref="NaturalLog.Log(double)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Cos(double x)
    {
        x = Math.Abs(x);
        ulong high = BitConverter.DoubleToUInt64Bits(x) >> 32;
        if (high < Cosine<ScalarWidth, double, ulong>.Reduced) return Cosine<ScalarWidth, double, ulong>.Core(x);
        if (!double.IsFinite(x)) return double.NaN;
        var (quadrant, a, da) = Reduce(x);
        return Cosine<ScalarWidth, double, ulong>.Finish(a, da, quadrant, 0, 0);
    }

    /// <summary>
    /// <c>x = n π/2 + (a + da)</c> for a finite <c>x ≥ 105414350</c>: x times <c>2/π</c> to 1250 bits in integers (Payne
    /// and Hanek), n the nearest integer (mod 4), the rest turned into <c>a + da</c> with about 100 correct bits.
    /// </summary>
    internal static (ulong Quadrant, double A, double Da) Reduce(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int e = (int)(bits >> 52) - 1075;
        var m = new BigInteger((bits & ((1UL << 52) - 1)) | (1UL << 52));
        int shift = TwoOverPi.Bits - e;
        var product = m * TwoOverPi.Value;
        var n = product >> shift;
        var fraction = (product - (n << shift)) >> (shift - 128);
        if (fraction >= BigInteger.One << 127)
        {
            fraction -= BigInteger.One << 128;
            n += 1;
        }
        double head = (double)fraction;
        double tail = (double)(fraction - new BigInteger(head));
        const double scale = 2.9387358770557188e-39; // 2^-128
        (head, tail) = (head * scale, tail * scale);
        const double hp0 = 1.5707963267948966, hp1 = 6.123233995736766e-17; // π/2 in two parts
        double a = head * hp0;
        double da = Math.FusedMultiplyAdd(head, hp0, -a) + (head * hp1 + tail * hp0);
        double sum = a + da;
        return ((ulong)(n & 3), sum, a - sum + da);
    }

    /// <summary><c>⌊2/π · 2^Bits⌋</c>, from π by Machin's formula in integers (once, on the first large argument).</summary>
    private static class TwoOverPi
    {
        public const int Bits = 1250;
        public static readonly BigInteger Value = Compute();

        private static BigInteger Compute()
        {
            const int guard = Bits + 64;
            var pi = 4 * (4 * ArctanInverse(5, guard) - ArctanInverse(239, guard));
            return (BigInteger.One << (Bits + 1 + guard)) / pi;
        }

        /// <summary><c>atan(1/k) · 2^q</c> by its series.</summary>
        private static BigInteger ArctanInverse(int k, int q)
        {
            var power = (BigInteger.One << q) / k;
            var sum = power;
            var k2 = new BigInteger(k * k);
            for (int i = 1; !power.IsZero; i++)
            {
                power /= k2;
                var term = power / (2 * i + 1);
                sum += i % 2 == 1 ? -term : term;
            }
            return sum;
        }
    }
}

/// <summary>
/// <see cref="Cosine"/> on the lanes of a width <typeparamref name="TW"/>: the one source of the cosine, whose
/// <see cref="ScalarWidth"/> instance is <c>Cosine.Cos(double)</c>. Every lane takes its own branch by masks.
/// </summary>
internal static class Cosine<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    internal const ulong Reduced = 0x419921FB; // high word of 105414350
    private const double S1 = -0.16666666666666666, S2 = 0.008333333333332329, S3 = -0.00019841269834414642,
        S4 = 2.755729806860771e-06, S5 = -2.5022014848318398e-08; // Taylor sine
    private const double Sn3 = -0.16666666666666488, Sn5 = 0.008333332142857223; // table sine
    private const double Cs2 = 0.5, Cs4 = -0.04166666666666644, Cs6 = 0.001388888740079376; // table cosine
    private const double Big = 52776558133248.0, TaylorBound = 0.126;
    private const double Hp0 = 1.5707963267948966, Hp1 = 6.123233995736766e-17; // π/2 in two parts
    private const double HpInv = 0.6366197723675814, ToInt = 6755399441055744.0;
    private const double Mp1 = 1.5707963407039642, Mp2 = -1.3909067564377153e-08, Pp3 = -4.97899623147991e-17,
        Pp4 = -1.9034889620193266e-25; // π/2 in four parts
    private const ulong Tiny = 0x3E400000, Near = 0x3FEB6000, Middle = 0x400368FD; // high words

    /// <summary>
    /// <c>cos x</c> per lane, the bits of <c>Cosine.Cos(double)</c> in every lane; not inlined, for the reason given at
    /// <see cref="NaturalLog{TW, TV, TU}.Log(TV)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TV Cos(TV x)
    {
        x = TW.Abs(x);
        // Beyond the four-part reduction, infinite or NaN lanes: the scalar path, lane by lane.
        if (!TW.AllBelow(TW.Bits(x) >> 32, TW.U(Reduced))) return TW.PerLane(x, Cosine.Cos);
        return Core(x);
    }

    /// <summary><c>cos x</c> for <c>0 ≤ x &lt; 105414350</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Core(TV x)
    {
        var high = TW.Bits(x) >> 32;
        var near = TW.Below(high, TW.U(Near));
        var middle = TW.Below(high, TW.U(Middle)) & ~near;
        // 0.855469 ≤ x < 2.426265: π/2 − x as a + da.
        var y = TW.C(Hp0) - x;
        var a2 = y + TW.C(Hp1);
        var da2 = y - a2 + TW.C(Hp1);
        // Beyond: x − n π/2 with n = round(x 2/π), as b + db (skipped when no lane needs it).
        var (b, db, quadrant) = (x, TW.C(0.0), TW.U(0));
        if (TW.Any(~(near | middle)))
        {
            var t = TW.Fma(x, TW.C(HpInv), TW.C(ToInt));
            var xn = t - TW.C(ToInt);
            quadrant = TW.Bits(t) & TW.U(3);
            var y3 = Fnma(xn, TW.C(Mp2), Fnma(xn, TW.C(Mp1), x));
            var t2 = Fnma(xn, TW.C(Pp3), y3);
            db = Fnma(xn, TW.C(Pp3), y3 - t2);
            b = Fnma(xn, TW.C(Pp4), t2);
            db += Fnma(xn, TW.C(Pp4), t2 - b);
        }
        var arg = TW.Select(near, x, TW.Select(middle, a2, b));
        var darg = TW.Select(near, TW.C(0.0), TW.Select(middle, da2, db));
        return TW.Select(TW.Below(high, TW.U(Tiny)), TW.C(1.0), Finish(arg, darg, quadrant, near, middle));
    }

    /// <summary>
    /// The table cosine of <c>a + da</c> where <paramref name="near"/>, the sine where <paramref name="middle"/>, and
    /// elsewhere <c>do_sincos(a, da, n + 1)</c>: the cosine for even n, the sine for odd n, negated when bit 1 of n + 1 is set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Finish(TV arg, TV darg, TU quadrant, TU near, TU middle)
    {
        var reduced = ~(near | middle);
        var even = TW.Same(quadrant & TW.U(1), TW.U(0));
        var useCos = near | (reduced & even);
        var negate = reduced & TW.Same((quadrant + TW.U(1)) & TW.U(2), TW.U(2));
        var value = TW.Select(useCos, TableCos(arg, darg, TW.Any(useCos), TW.Any(~useCos), out var sine), sine);
        return TW.Double(TW.Bits(value) ^ (negate & TW.U(0x8000000000000000)));
    }

    /// <summary>
    /// <c>do_cos(a, da)</c> and, in <paramref name="sine"/>, <c>do_sin(a, da)</c> (the Taylor sine below 0.126), from
    /// one lookup of the table point <c>x_i</c> nearest |a|; each only where some lane needs it (else zero).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TableCos(TV a, TV da, bool wantCosine, bool wantSine, out TV sine)
    {
        var abs = TW.Abs(a);
        var u = TW.C(Big) + abs;
        var entry = TW.Min((TW.Bits(u) & TW.U(0xFFFFFFFF)) << 2, TW.U(436));
        var (sn, ssn) = (TW.Gather(Cosine.Table, 0, entry), TW.Gather(Cosine.Table, 1, entry));
        var (cs, ccs) = (TW.Gather(Cosine.Table, 2, entry), TW.Gather(Cosine.Table, 3, entry));
        var offset = abs - (u - TW.C(Big));
        var (cosine, zero) = (TW.C(0.0), TW.C(0.0));
        if (wantCosine)
        {
            // Cosine: da with the sign of a folded in, x = |a| − x_i + da.
            var xc = offset + TW.Select(TW.Less(a, zero), -da, da);
            var xxc = xc * xc;
            var sc = TW.Fma(xc * xxc, TW.Fma(xxc, TW.C(Sn5), TW.C(Sn3)), xc);
            var cc = xxc * TW.Fma(xxc, TW.Fma(xxc, TW.C(Cs6), TW.C(Cs4)), TW.C(Cs2));
            cosine = cs + Fnma(sc, sn, Fnma(cc, cs, Fnma(sc, ssn, ccs)));
        }
        sine = zero;
        if (!wantSine) return cosine;
        // Sine: x = |a| − x_i, da negated for a ≤ 0, the sign of a put back.
        var ds = TW.Select(TW.Less(TW.C(0.0), a), da, -da);
        var xxs = offset * offset;
        var ss = offset + TW.Fma(offset * xxs, TW.Fma(xxs, TW.C(Sn5), TW.C(Sn3)), ds);
        var cx = TW.Fma(offset, ds, xxs * TW.Fma(xxs, TW.Fma(xxs, TW.C(Cs6), TW.C(Cs4)), TW.C(Cs2)));
        var tableSine = sn + TW.Fma(ss, cs, Fnma(cx, sn, TW.Fma(ss, ccs, ssn)));
        var sign = TW.U(0x8000000000000000);
        tableSine = TW.Double((TW.Bits(a) & sign) | (TW.Bits(tableSine) & ~sign));
        var xx = a * a;
        var p = TW.Fma(TW.Fma(TW.Fma(TW.Fma(xx, TW.C(S5), TW.C(S4)), xx, TW.C(S3)), xx, TW.C(S2)), xx, TW.C(S1));
        var taylor = a + TW.Fma(xx, TW.Fma(p, a, -(TW.C(0.5) * da)), da);
        sine = TW.Select(TW.Less(abs, TW.C(TaylorBound)), taylor, tableSine);
        return cosine;
    }

    /// <summary><c>c − a·b</c> rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Fnma(TV a, TV b, TV c) => TW.Fma(-a, b, c);
}
