using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>Four lanes of a <see cref="Vector256{T}"/> (<see cref="Lanes256"/>, <see cref="Bits256"/>): four chains side by side (AVX2).</summary>
internal readonly struct Width256 : ILaneWidth<Lanes256, Bits256>
{
    public static int Count => 4;

    public static bool Accelerated => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// With AVX-512 the conversion instruction; else the upper bit and the lower 52 separately, the lower through the
    /// 2⁵² bias (exact integers, so the value of the conversion).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Integer(Bits256 bits)
    {
        if (Avx512DQ.VL.IsSupported) return new(Vector256.ConvertToDouble(bits.Value));
        var bias = Vector256.Create(4503599627370496.0);
        var low = (bits.Value & Vector256.Create((1UL << 52) - 1) | bias.AsUInt64()).AsDouble() - bias;
        return new(low + (Vector256.Equals(bits.Value >>> 52, Vector256<ulong>.One).AsDouble() & bias));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Sqrt(Lanes256 x) => new(Vector256.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 AtMost(Lanes256 a, Lanes256 b) => new(Vector256.LessThanOrEqual(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Signs(Bits256 mask) => mask.Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 EvenToOdd(Lanes256 x) => new(Vector256.Shuffle(x.Value, Vector256.Create(0L, 0, 2, 2)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 EvenTwice(Bits256 x) => new(Vector256.Shuffle(x.Value, Vector256.Create(0UL, 2, 0, 2)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Halves(ulong first, ulong second) => new(Vector256.Create(first, first, second, second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Lanes256 Lower, Lanes256 Upper) SpreadHalves(Lanes256 x) =>
        (new(Vector256.Shuffle(x.Value, Vector256.Create(0L, 0, 1, 1))), new(Vector256.Shuffle(x.Value, Vector256.Create(2L, 2, 3, 3))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 C(double c) => new(Vector256.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 U(ulong c) => new(Vector256.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Fma(Lanes256 a, Lanes256 b, Lanes256 c) => new(Vector256.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Bits(Lanes256 x) => new(x.Value.AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Double(Bits256 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Exponent(Bits256 bits)
    {
        // The 12-bit field as a double through the 2^52 bias (AVX2 has no 64-bit arithmetic shift or conversion), then
        // its sign: exact integers, so the same value as the scalar conversion.
        var field = bits.Value >>> 52;
        var value = (field | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0);
        return new(value - (Vector256.GreaterThanOrEqual(field, Vector256.Create(2048UL)).AsDouble() & Vector256.Create(4096.0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Below(Bits256 a, Bits256 b) => new(Vector256.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Less(Lanes256 a, Lanes256 b) => new(Vector256.LessThan(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Same(Bits256 a, Bits256 b) => new(Vector256.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Select(Bits256 mask, Lanes256 a, Lanes256 b) =>
        new(Vector256.ConditionalSelect(mask.Value.AsDouble(), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Bits256 mask) => mask.Value != Vector256<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBelow(Bits256 a, Bits256 b) => Vector256.LessThanAll(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Abs(Lanes256 x) => new(Vector256.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 Min(Bits256 a, Bits256 b) => new(Vector256.Min(a.Value, b.Value));

    /// <summary>By one 256-bit gather where AVX2 has them, else lane by lane; <paramref name="table"/> is pinned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes256 Gather(double[] table, int offset, Bits256 entry)
    {
        if (!Avx2.IsSupported) return new(Lanes(table, offset, entry.Value));
        double* start = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(table)) + offset;
        return new(Avx2.GatherVector256(start, entry.Value.AsInt64(), 8));
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> Lanes(double[] table, int offset, Vector256<ulong> entry)
    {
        Span<double> lanes = stackalloc double[4];
        for (int lane = 0; lane < 4; lane++) lanes[lane] = table[offset + (int)entry[lane]];
        return Vector256.Create<double>(lanes);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Lanes256 PerLane(Lanes256 x, Func<double, double> f)
    {
        Span<double> lanes = stackalloc double[4];
        for (int lane = 0; lane < 4; lane++) lanes[lane] = f(x.Value[lane]);
        return new(Vector256.Create<double>(lanes));
    }
}
