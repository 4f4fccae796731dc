using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The engine's own tanh, for the tanh and GELU activations (docs/design.md "Bit-identity contract"): one source,
/// <see cref="HyperbolicTangent{TW, TV, TU}"/>, instantiated for one double (<see cref="Tanh(double)"/>, the scalar rule)
/// and for the lanes of a vector. The arithmetic is the .NET runtime's vector tanh (<c>TensorPrimitives.Tanh</c>, which
/// the tanh MLPs ran on): <c>tanh |x| = −z/(z + 2)</c> with <c>z = e^{−2|x|} − 1</c> by <see cref="Exponential"/>, and the
/// sign of x put back (on the magnitude, so <c>tanh(±0) = ±0</c>; the library gives −0 for both). Below |x| = 0.55 its
/// error is below 3·2⁻⁵³ absolute: the exponential's 2 ulp on <c>e^{−2|x|} ∈ (1/3, 1]</c> (at most 2·2⁻⁵³) times
/// <c>|d tanh/dz| = 2/(z + 2)² ≤ 1.13</c>, plus the roundings of the sum and the quotient; there the relative error grows
/// towards 0 as about <c>2⁻⁵³/|x|</c> (<c>e^{−2|x|} − 1</c> cancels), so it keeps an absolute, not a relative, accuracy.
/// From 0.55 on it is within 3 ulp of <see cref="Math.Tanh(double)"/> (measured worst 2.5 ulp of the exact value;
/// <c>TranscendentalTests</c>). From <c>|x| ≥ 354</c> (the value is ±1 from 19.1 on) and at NaN the scalar path gives
/// ±1 or NaN without the exponential.
/// </summary>
internal static class HyperbolicTangent
{
    /// <summary>The bits of 354: below it in magnitude <c>−2|x|</c> is in the exponential's fast range.</summary>
    internal const ulong FastLimit = 0x40762000_00000000;

    /// <summary><c>tanh x</c>. A root of its own, optimized from its first call (see <see cref="NaturalLog.Log(double)"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Tanh(double x) =>
        BitConverter.DoubleToUInt64Bits(Math.Abs(x)) < FastLimit ? HyperbolicTangent<ScalarWidth, double, ulong>.Core(x)
            : double.IsNaN(x) ? x : Math.CopySign(1.0, x);

    /// <summary>
    /// <c>value = tanh z</c> over a span of one model (the scalar rule's span form), whole vectors of the widest native
    /// width and the rest one by one: the same bits entry by entry whatever the grouping.
    /// </summary>
    public static void Evaluate(ReadOnlySpan<double> z, Span<double> value)
    {
        int done = 0;
        if (Vector512.IsHardwareAccelerated) done = Whole<Width512, Lanes512, Bits512>(z, value);
        else if (Vector256.IsHardwareAccelerated) done = Whole<Width256, Lanes256, Bits256>(z, value);
        else if (Vector128.IsHardwareAccelerated) done = Whole<Width128, Lanes128, Bits128>(z, value);
        for (int t = done; t < z.Length; t++) value[t] = Tanh(z[t]);
    }

    /// <summary>The leading whole vectors of <typeparamref name="TW"/>; returns how many entries were written.</summary>
    private static int Whole<TW, TV, TU>(ReadOnlySpan<double> z, Span<double> value) where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>
    {
        int whole = z.Length / TW.Count * TW.Count;
        HyperbolicTangent<TW, TV, TU>.Evaluate(MemoryMarshal.Cast<double, TV>(z[..whole]),
            MemoryMarshal.Cast<double, TV>(value[..whole]));
        return whole;
    }
}

/// <summary>
/// <see cref="HyperbolicTangent"/> on the lanes of a width <typeparamref name="TW"/>: the one source of tanh, whose
/// <see cref="ScalarWidth"/> instance is <c>HyperbolicTangent.Tanh(double)</c>.
/// </summary>
internal static class HyperbolicTangent<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary><c>tanh x</c> per lane, the bits of <c>HyperbolicTangent.Tanh(double)</c> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh(TV x) => InRange(x) ? Core(x) : TW.PerLane(x, HyperbolicTangent.Tanh);

    /// <summary><c>value = tanh z</c> entry by entry (in place allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<TV> z, Span<TV> value)
    {
        if (AllInRange(z))
        {
            for (int t = 0; t < z.Length; t++) value[t] = Core(z[t]);
            return;
        }
        for (int t = 0; t < z.Length; t++) value[t] = Tanh(z[t]);
    }

    /// <summary><c>value = tanh z</c>, <c>d1 = 1 − value²</c>, entry by entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<TV> z, Span<TV> value, Span<TV> d1)
    {
        var one = TW.C(1.0);
        if (AllInRange(z))
        {
            // No lane goes to the scalar path: the loop holds no call, so nothing is spilled around one.
            for (int t = 0; t < z.Length; t++)
            {
                var a = Core(z[t]);
                (value[t], d1[t]) = (a, one - a * a);
            }
            return;
        }
        for (int t = 0; t < z.Length; t++)
        {
            var a = Tanh(z[t]);
            (value[t], d1[t]) = (a, one - a * a);
        }
    }

    /// <summary>
    /// Whether every lane of every entry is in the fast range (<c>|x| &lt; 354</c>, not NaN). Optimized from its first
    /// call: unoptimized, each width operation in it is a call, and it runs once per layer and step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AllInRange(ReadOnlySpan<TV> z)
    {
        foreach (var x in z)
        {
            if (!InRange(x)) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InRange(TV x) => TW.AllBelow(TW.Bits(TW.Abs(x)), TW.U(HyperbolicTangent.FastLimit));

    /// <summary><c>tanh x</c> for lanes with <c>|x| &lt; 354</c> (the caller checks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Core(TV x)
    {
        var y = TW.Abs(x);
        var z = Exponential<TW, TV, TU>.Core(TW.C(-2.0) * y) - TW.C(1.0);
        var sign = TW.Bits(x) ^ TW.Bits(y);
        return TW.Double(sign ^ TW.Bits(TW.Abs(-z / (z + TW.C(2.0)))));
    }
}
