using System.Numerics;
using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The engine's own exponential, for the softplus, logistic and tanh activations (docs/design.md "Bit-identity
/// contract"): one source, <see cref="Exponential{TW, TV, TU}"/>, instantiated for one double (<see cref="Exp(double)"/>,
/// the scalar rules) and for the lanes of a vector, so both give the same bits on every machine and C library. The
/// arithmetic is that of the .NET runtime's vector exponential (<c>TensorPrimitives</c>, from AMD's <c>vrd2_exp</c>),
/// which its tanh uses and the tanh MLPs ran on: <c>n = round(x/ln 2)</c> by the <c>1.5·2⁵²</c> shifter,
/// <c>r = x − n ln 2</c> with a two-part <c>ln 2</c> by fused multiply-adds, a degree-12 polynomial, times <c>2ⁿ</c>.
/// Its error is below 2 ulp of the exact value (the sum <c>r + 1</c> is rounded before the smaller terms are added;
/// measured worst 1.98 ulp), so it is within 2 ulp of <see cref="Math.Exp(double)"/> (<c>TranscendentalTests</c>).
/// Arguments beyond ±708 (where <c>2ⁿ</c> or the result leaves the normal range) and NaN take the scalar path of
/// <see cref="Exp(double)"/>, lane by lane.
/// </summary>
internal static class Exponential
{
    /// <summary>The bits of 708: below it in magnitude neither <c>2ⁿ</c> nor <c>eˣ</c> leaves the normal range.</summary>
    internal const ulong FastLimit = 0x40862000_00000000;

    /// <summary>
    /// <c>eˣ</c>; +∞ above 709.78, +0 below −745.14 and at −∞, NaN at NaN. A root of its own, optimized from its first
    /// call, for the reason given at <see cref="NaturalLog.Log(double)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x) =>
        BitConverter.DoubleToUInt64Bits(Math.Abs(x)) < FastLimit ? Exponential<ScalarWidth, double, ulong>.Core(x) : Special(x);

    /// <summary>
    /// Beyond ±708 or NaN: the same polynomial, times <c>2ⁿ</c> in two halves so that only the last product rounds
    /// (to a subnormal, zero or +∞ as the exact value would).
    /// </summary>
    private static double Special(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 710) return double.PositiveInfinity;
        if (x < -746) return 0;
        double poly = Exponential<ScalarWidth, double, ulong>.Reduce(x, out double dn);
        int n = (int)dn, half = n / 2;
        return poly * Math.ScaleB(1.0, n - half) * Math.ScaleB(1.0, half);
    }
}

/// <summary>
/// <see cref="Exponential"/> on the lanes of a width <typeparamref name="TW"/>: the one source of the exponential, whose
/// <see cref="ScalarWidth"/> instance is <c>Exponential.Exp(double)</c>.
/// </summary>
internal static class Exponential<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    private const double Shifter = 6755399441055744; // 1.5 · 2^52
    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Head = 0.693359375, Ln2Tail = -0.00021219444005469057;

    /// <summary>
    /// <c>eˣ</c> per lane, the bits of <c>Exponential.Exp(double)</c> in every lane. Not inlined: a root of its own, as
    /// <see cref="NaturalLog{TW, TV, TU}.Log(TV)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static TV Exp(TV x) =>
        TW.AllBelow(TW.Bits(TW.Abs(x)), TW.U(Exponential.FastLimit)) ? Core(x) : TW.PerLane(x, Exponential.Exp);

    /// <summary><c>eˣ</c> for lanes with <c>|x| &lt; 708</c> (the caller checks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Core(TV x)
    {
        var shifted = TW.Fma(x, TW.C(InvLn2), TW.C(Shifter));
        var poly = Polynomial(x, shifted - TW.C(Shifter));
        // The low bits of the shifted sum are n; the shift drops the shifter's own bits.
        return poly * TW.Double((TW.Bits(shifted) + TW.U(1023UL)) << 52);
    }

    /// <summary><c>e^r</c> with <c>eˣ = 2ⁿ e^r</c>; <paramref name="dn"/> is n.</summary>
    internal static TV Reduce(TV x, out TV dn)
    {
        dn = TW.Fma(x, TW.C(InvLn2), TW.C(Shifter)) - TW.C(Shifter);
        return Polynomial(x, dn);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Polynomial(TV x, TV dn)
    {
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
        return TW.Fma(high, r8, TW.Fma(middle, r4, low));
    }
}
