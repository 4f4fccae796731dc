using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static NoiseDrift.Engine.LinearAlgebra.FusedTerms;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// <c>cos x</c> over the eight lanes of a <see cref="Vector512{T}"/> with exactly the bits of <see cref="Math.Cos(double)"/>
/// on this machine, for the Box–Muller angle of the keyed Gaussians (docs/design.md "Engine conventions", docs/theory.md §1: the
/// batched simulator draws the per-chain numbers). The runtime calls the C library, whose cosine (glibc 2.36
/// <c>s_sin.c</c>, FMA build) is written here operation for operation for <c>0 ≤ x &lt; 105414350</c>: below 0.855469
/// the table cosine of x; below 2.426265 the table (or Taylor) sine of <c>π/2 − x</c> in two parts; beyond, x reduced
/// by a four-part <c>π/2</c> to <c>a + da</c> and quadrant n, then the sine or cosine by the parity of n + 1 and its
/// sign by bit 1. Both table evaluations share one lookup of <c>sin x_i, cos x_i</c> (<c>x_i = i/128</c>) and every lane
/// takes its own branch by masks. Other lanes (negative, huge, NaN) send the vector to <see cref="Math.Cos(double)"/>.
/// <see cref="Exact"/> checks the whole against the library once; if any bit differs, <see cref="Cos"/> calls the library.
/// </summary>
public static class CosLanes
{
    private const double S1 = -0.16666666666666666, S2 = 0.008333333333332329, S3 = -0.00019841269834414642,
        S4 = 2.755729806860771e-06, S5 = -2.5022014848318398e-08; // Taylor sine
    private const double Sn3 = -0.16666666666666488, Sn5 = 0.008333332142857223; // table sine
    private const double Cs2 = 0.5, Cs4 = -0.04166666666666644, Cs6 = 0.001388888740079376; // table cosine
    private const double Big = 52776558133248.0, TaylorBound = 0.126;
    private const double Hp0 = 1.5707963267948966, Hp1 = 6.123233995736766e-17; // π/2 in two parts
    private const double HpInv = 0.6366197723675814, ToInt = 6755399441055744.0;
    private const double Mp1 = 1.5707963407039642, Mp2 = -1.3909067564377153e-08, Pp3 = -4.97899623147991e-17,
        Pp4 = -1.9034889620193266e-25; // π/2 in four parts
    private const ulong Tiny = 0x3E400000, Near = 0x3FEB6000, Middle = 0x400368FD, Reduced = 0x419921FB; // high words
    private static readonly double[] Table = PinnedTable(CosLanesTable.Table);

    /// <summary>True when the inline arithmetic reproduced <see cref="Math.Cos(double)"/> bit for bit on this machine.</summary>
    public static bool Exact { get; } = Verify();

    /// <summary><c>cos x</c> per lane, as <see cref="Math.Cos(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Cos(Vector512<double> x) => Exact ? Inline(x) : Library(x);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<double> Inline(Vector512<double> x)
    {
        var high = Vector512.ShiftRightLogical(x.AsUInt64(), 32);
        // Negative, beyond the four-part reduction, infinite or NaN lanes: the library decides.
        if (!Vector512.LessThanAll(high, Vector512.Create(Reduced))) return Library(x);
        var near = Vector512.LessThan(high, Vector512.Create(Near)).AsDouble();
        var middle = Vector512.LessThan(high, Vector512.Create(Middle)).AsDouble() & ~near;
        // 0.855469 ≤ x < 2.426265: π/2 − x as a + da.
        var y = C(Hp0) - x;
        var a2 = y + C(Hp1);
        var da2 = y - a2 + C(Hp1);
        // Beyond: x − n π/2 with n = round(x 2/π), as b + db.
        var t = Fma(x, C(HpInv), C(ToInt));
        var xn = t - C(ToInt);
        var quadrant = t.AsUInt64() & Vector512.Create(3UL);
        var y3 = Fnma(xn, C(Mp2), Fnma(xn, C(Mp1), x));
        var t2 = Fnma(xn, C(Pp3), y3);
        var db = Fnma(xn, C(Pp3), y3 - t2);
        var b = Fnma(xn, C(Pp4), t2);
        db += Fnma(xn, C(Pp4), t2 - b);
        var arg = Vector512.ConditionalSelect(near, x, Vector512.ConditionalSelect(middle, a2, b));
        var darg = Vector512.ConditionalSelect(near, Vector512<double>.Zero, Vector512.ConditionalSelect(middle, da2, db));
        // do_sincos(b, db, n + 1): the cosine for even n, the sine for odd n, negated when bit 1 of n + 1 is set.
        var reduced = ~(near | middle);
        var even = Vector512.Equals(quadrant & Vector512<ulong>.One, Vector512<ulong>.Zero).AsDouble();
        var useCos = near | (reduced & even);
        var negate = reduced & Vector512.Equals((quadrant + Vector512<ulong>.One) & Vector512.Create(2UL),
            Vector512.Create(2UL)).AsDouble();
        var value = Vector512.ConditionalSelect(useCos, TableCos(arg, darg, out var sine), sine);
        value ^= negate & Vector512.Create(-0.0);
        return Vector512.ConditionalSelect(Vector512.LessThan(high, Vector512.Create(Tiny)).AsDouble(), Vector512<double>.One, value);
    }

    /// <summary>
    /// <c>do_cos(a, da)</c> and, in <paramref name="sine"/>, <c>do_sin(a, da)</c> of the library (the Taylor sine below
    /// 0.126), from one lookup of the table point <c>x_i</c> nearest |a|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> TableCos(Vector512<double> a, Vector512<double> da, out Vector512<double> sine)
    {
        var abs = Vector512.Abs(a);
        var u = C(Big) + abs;
        var entry = Vector512.Min((u.AsUInt64() & Vector512.Create(0xFFFFFFFFUL)) << 2, Vector512.Create(436UL)).AsInt64();
        var (sn, ssn, cs, ccs) = (Gather(Table, 0, entry), Gather(Table, 1, entry), Gather(Table, 2, entry), Gather(Table, 3, entry));
        var offset = abs - (u - C(Big));
        // Cosine: da with the sign of a folded in, x = |a| − x_i + da.
        var xc = offset + Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512<double>.Zero), -da, da);
        var xxc = xc * xc;
        var sc = Fma(xc * xxc, Fma(xxc, C(Sn5), C(Sn3)), xc);
        var cc = xxc * Fma(xxc, Fma(xxc, C(Cs6), C(Cs4)), C(Cs2));
        var cosine = cs + Fnma(sc, sn, Fnma(cc, cs, Fnma(sc, ssn, ccs)));
        // Sine: x = |a| − x_i, da negated for a ≤ 0, the sign of a put back.
        var ds = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(a, Vector512<double>.Zero), -da, da);
        var xxs = offset * offset;
        var ss = offset + Fma(offset * xxs, Fma(xxs, C(Sn5), C(Sn3)), ds);
        var cx = Fma(offset, ds, xxs * Fma(xxs, Fma(xxs, C(Cs6), C(Cs4)), C(Cs2)));
        var tableSine = sn + Fma(ss, cs, Fnma(cx, sn, Fma(ss, ccs, ssn)));
        tableSine = Vector512.ConditionalSelect(Vector512.Create(-0.0), a, tableSine);
        var xx = a * a;
        var p = Fma(Fma(Fma(Fma(xx, C(S5), C(S4)), xx, C(S3)), xx, C(S2)), xx, C(S1));
        var taylor = a + Fma(xx, Fma(p, a, -(C(0.5) * da)), da);
        sine = Vector512.ConditionalSelect(Vector512.LessThan(abs, C(TaylorBound)), taylor, tableSine);
        return cosine;
    }

    /// <summary><c>c − a·b</c> rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fnma(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Fma(-a, b, c);

    private static Vector512<double> Library(Vector512<double> x) => PerLane(x, Math.Cos);

    /// <summary>
    /// The inline path against <see cref="Math.Cos(double)"/> on 2¹⁶ keyed Box–Muller angles <c>2π (j + ½) 2⁻⁵³</c>,
    /// 2¹⁴ values of every binade from 2⁻⁶⁰ to 2²⁶, values within 10⁻⁹ of every multiple of π/4 below 40, and the
    /// region edges.
    /// </summary>
    private static bool Verify()
    {
        if (!Supported || !SystemLibm.IsWrittenFrom) return false;
        var random = new System.Random(20261204);
        var x = new List<double>();
        for (int t = 0; t < 1 << 16; t++) x.Add(2 * Math.PI * (((random.NextInt64() >>> 10) + 0.5) * (1.0 / (1UL << 53))));
        for (int t = 0; t < 1 << 14; t++) x.Add((1 + random.NextDouble()) * Math.Pow(2, random.Next(-60, 27)));
        for (int q = 0; q < 51; q++)
        {
            for (int t = 0; t < 64; t++) x.Add(Math.Abs(q * Math.PI / 4 + (random.NextDouble() - 0.5) * 2e-9));
        }
        foreach (ulong high in new[] { Tiny, Near, Middle, Reduced - 1 })
        {
            double edge = BitConverter.UInt64BitsToDouble(high << 32);
            x.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
        }
        x.AddRange([0.0, TaylorBound, Hp0 - TaylorBound, Hp0 + TaylorBound, Math.PI, 2 * Math.PI]);
        return Reproduces(Inline, Math.Cos, x);
    }
}
