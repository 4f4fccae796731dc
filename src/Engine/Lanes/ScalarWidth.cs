using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>One lane: a lane kernel on a single double, the per-chain path (masks are all ones or zero).</summary>
internal readonly struct ScalarWidth : ILaneWidth<double, ulong>
{
    public static int Count => 1;

    public static bool Accelerated => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Integer(ulong bits) => bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt(double x) => Math.Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AtMost(double a, double b) => a <= b ? ulong.MaxValue : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Signs(ulong mask) => (uint)(mask >> 63);

    /// <summary>One lane has no antithetic partner: the lane itself.</summary>
    public static double EvenToOdd(double x) => x;

    /// <summary>Not used on one lane (pairs need two): the lane itself.</summary>
    public static ulong EvenTwice(ulong x) => x;

    /// <summary>Not used on one lane: <paramref name="first"/>.</summary>
    public static ulong Halves(ulong first, ulong second) => first;

    /// <summary>Not used on one lane: the lane twice.</summary>
    public static (double Lower, double Upper) SpreadHalves(double x) => (x, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double C(double c) => c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong U(ulong c) => c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Fma(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(double x) => BitConverter.DoubleToUInt64Bits(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Double(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exponent(ulong bits) => (long)bits >> 52;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Below(ulong a, ulong b) => a < b ? ulong.MaxValue : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Less(double a, double b) => a < b ? ulong.MaxValue : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Same(ulong a, ulong b) => a == b ? ulong.MaxValue : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(ulong mask, double a, double b) => mask != 0 ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(ulong mask) => mask != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBelow(ulong a, ulong b) => a < b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Abs(double x) => Math.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Min(ulong a, ulong b) => Math.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Gather(double[] table, int offset, ulong entry) => table[offset + (int)entry];

    public static double PerLane(double x, Func<double, double> f) => f(x);
}
