using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>Two lanes of a <see cref="Vector128{T}"/> (<see cref="Lanes128"/>, <see cref="Bits128"/>): two chains side by side (SSE, Arm AdvSimd; AVX2 with the width forced).</summary>
internal readonly struct Width128 : ILaneWidth<Lanes128, Bits128>
{
    public static int Count => 2;

    public static bool Accelerated => Vector128.IsHardwareAccelerated;

    /// <summary>
    /// With AVX-512 the conversion instruction; else the upper bit and the lower 52 separately, the lower through the
    /// 2⁵² bias (exact integers, so the value of the conversion).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Integer(Bits128 bits)
    {
        if (Avx512DQ.VL.IsSupported) return new(Vector128.ConvertToDouble(bits.Value));
        var bias = Vector128.Create(4503599627370496.0);
        var low = (bits.Value & Vector128.Create((1UL << 52) - 1) | bias.AsUInt64()).AsDouble() - bias;
        return new(low + (Vector128.Equals(bits.Value >>> 52, Vector128<ulong>.One).AsDouble() & bias));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Sqrt(Lanes128 x) => new(Vector128.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 AtMost(Lanes128 a, Lanes128 b) => new(Vector128.LessThanOrEqual(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Signs(Bits128 mask) => mask.Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 EvenToOdd(Lanes128 x) => new(Vector128.Create(x.Value.GetElement(0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 EvenTwice(Bits128 x) => new(Vector128.Create(x.Value.GetElement(0)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Halves(ulong first, ulong second) => new(Vector128.Create(first, second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Lanes128 Lower, Lanes128 Upper) SpreadHalves(Lanes128 x) =>
        (new(Vector128.Create(x.Value.GetElement(0))), new(Vector128.Create(x.Value.GetElement(1))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 C(double c) => new(Vector128.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 U(ulong c) => new(Vector128.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Fma(Lanes128 a, Lanes128 b, Lanes128 c) => new(Vector128.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Bits(Lanes128 x) => new(x.Value.AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Double(Bits128 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Exponent(Bits128 bits)
    {
        // The 12-bit field as a double through the 2^52 bias (SSE and AVX2 have no 64-bit arithmetic shift or conversion), then
        // its sign: exact integers, so the same value as the scalar conversion.
        var field = bits.Value >>> 52;
        var value = (field | Vector128.Create(0x4330000000000000UL)).AsDouble() - Vector128.Create(4503599627370496.0);
        return new(value - (Vector128.GreaterThanOrEqual(field, Vector128.Create(2048UL)).AsDouble() & Vector128.Create(4096.0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Below(Bits128 a, Bits128 b) => new(Vector128.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Less(Lanes128 a, Lanes128 b) => new(Vector128.LessThan(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Same(Bits128 a, Bits128 b) => new(Vector128.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Select(Bits128 mask, Lanes128 a, Lanes128 b) =>
        new(Vector128.ConditionalSelect(mask.Value.AsDouble(), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Bits128 mask) => mask.Value != Vector128<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBelow(Bits128 a, Bits128 b) => Vector128.LessThanAll(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Abs(Lanes128 x) => new(Vector128.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 Min(Bits128 a, Bits128 b) => new(Vector128.Min(a.Value, b.Value));

    /// <summary>By one 128-bit gather where AVX2 has them, else lane by lane; <paramref name="table"/> is pinned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes128 Gather(double[] table, int offset, Bits128 entry)
    {
        if (!Avx2.IsSupported) return new(Lanes(table, offset, entry.Value));
        double* start = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(table)) + offset;
        return new(Avx2.GatherVector128(start, entry.Value.AsInt64(), 8));
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> Lanes(double[] table, int offset, Vector128<ulong> entry)
    {
        Span<double> lanes = stackalloc double[2];
        for (int lane = 0; lane < 2; lane++) lanes[lane] = table[offset + (int)entry[lane]];
        return Vector128.Create<double>(lanes);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Lanes128 PerLane(Lanes128 x, Func<double, double> f)
    {
        Span<double> lanes = stackalloc double[2];
        for (int lane = 0; lane < 2; lane++) lanes[lane] = f(x.Value[lane]);
        return new(Vector128.Create<double>(lanes));
    }
}
