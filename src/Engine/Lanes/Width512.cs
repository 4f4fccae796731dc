using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>Eight lanes of a <see cref="Vector512{T}"/> (<see cref="Lanes512"/>, <see cref="Bits512"/>): eight chains side by side.</summary>
internal readonly struct Width512 : ILaneWidth<Lanes512, Bits512>
{
    public static int Count => 8;

    public static bool Accelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Integer(Bits512 bits) => new(Vector512.ConvertToDouble(bits.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sqrt(Lanes512 x) => new(Vector512.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 AtMost(Lanes512 a, Lanes512 b) => new(Vector512.LessThanOrEqual(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Signs(Bits512 mask) => (uint)mask.Value.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 EvenToOdd(Lanes512 x) => new(Vector512.Shuffle(x.Value, Vector512.Create(0L, 0, 2, 2, 4, 4, 6, 6)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 EvenTwice(Bits512 x) => new(Vector512.Shuffle(x.Value, Vector512.Create(0UL, 2, 4, 6, 0, 2, 4, 6)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Halves(ulong first, ulong second) =>
        new(Vector512.Create(first, first, first, first, second, second, second, second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Lanes512 Lower, Lanes512 Upper) SpreadHalves(Lanes512 x) =>
        (new(Vector512.Shuffle(x.Value, Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3))),
            new(Vector512.Shuffle(x.Value, Vector512.Create(4L, 4, 5, 5, 6, 6, 7, 7))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 C(double c) => new(Vector512.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 U(ulong c) => new(Vector512.Create(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Fma(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Bits(Lanes512 x) => new(x.Value.AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Double(Bits512 bits) => new(bits.Value.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Exponent(Bits512 bits) =>
        new(Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(bits.Value.AsInt64(), 52)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Below(Bits512 a, Bits512 b) => new(Vector512.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Less(Lanes512 a, Lanes512 b) => new(Vector512.LessThan(a.Value, b.Value).AsUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Same(Bits512 a, Bits512 b) => new(Vector512.Equals(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Select(Bits512 mask, Lanes512 a, Lanes512 b) =>
        new(Vector512.ConditionalSelect(mask.Value.AsDouble(), a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Bits512 mask) => mask.Value != Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBelow(Bits512 a, Bits512 b) => Vector512.LessThanAll(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Abs(Lanes512 x) => new(Vector512.Abs(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 Min(Bits512 a, Bits512 b) => new(Vector512.Min(a.Value, b.Value));

    /// <summary>By two 256-bit gathers where AVX2 has them, else lane by lane; <paramref name="table"/> is pinned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Lanes512 Gather(double[] table, int offset, Bits512 entry)
    {
        if (!Avx2.IsSupported) return new(Lanes(table, offset, entry.Value));
        double* start = (double*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(table)) + offset;
        var index = entry.Value.AsInt64();
        return new(Vector512.Create(Avx2.GatherVector256(start, index.GetLower(), 8), Avx2.GatherVector256(start, index.GetUpper(), 8)));
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<double> Lanes(double[] table, int offset, Vector512<ulong> entry)
    {
        Span<double> lanes = stackalloc double[8];
        for (int lane = 0; lane < 8; lane++) lanes[lane] = table[offset + (int)entry[lane]];
        return Vector512.Create<double>(lanes);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Lanes512 PerLane(Lanes512 x, Func<double, double> f)
    {
        Span<double> lanes = stackalloc double[8];
        for (int lane = 0; lane < 8; lane++) lanes[lane] = f(x.Value[lane]);
        return new(Vector512.Create<double>(lanes));
    }
}
