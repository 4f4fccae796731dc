using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Lanes;

/// <summary>One lane: a lane kernel on a single double, the per-chain path (masks are all ones or zero).</summary>
internal readonly struct ScalarWidth : ILaneWidth<double, ulong>
{
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
