using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>Eight lanes of a <see cref="Vector512{T}"/> (<see cref="Lanes512"/>, <see cref="Bits512"/>): eight chains side by side.</summary>
internal readonly struct Width512 : ILaneWidth<Lanes512, Bits512>
{
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
