using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Two doubles of a <see cref="Vector128{T}"/> with the operator interfaces a lane kernel written once needs (the
/// runtime's vector types do not expose them to generic code); every operator is the vector's own.
/// </summary>
internal readonly struct Lanes128(Vector128<double> value) : IAdditionOperators<Lanes128, Lanes128, Lanes128>,
    ISubtractionOperators<Lanes128, Lanes128, Lanes128>, IMultiplyOperators<Lanes128, Lanes128, Lanes128>,
    IDivisionOperators<Lanes128, Lanes128, Lanes128>, IUnaryNegationOperators<Lanes128, Lanes128>
{
    public readonly Vector128<double> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(Lanes128 a, Lanes128 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 a, Lanes128 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 a, Lanes128 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator /(Lanes128 a, Lanes128 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 a) => new(-a.Value);
}

/// <summary>The bit patterns of <see cref="Lanes128"/>, as two unsigned 64-bit integers.</summary>
internal readonly struct Bits128(Vector128<ulong> value) : IAdditionOperators<Bits128, Bits128, Bits128>,
    ISubtractionOperators<Bits128, Bits128, Bits128>, IBitwiseOperators<Bits128, Bits128, Bits128>,
    IShiftOperators<Bits128, int, Bits128>, IMultiplyOperators<Bits128, Bits128, Bits128>
{
    public readonly Vector128<ulong> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator +(Bits128 a, Bits128 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator -(Bits128 a, Bits128 b) => new(a.Value - b.Value);

    /// <summary>
    /// The product modulo 2⁶⁴, lane by lane: with Sse2, from three 32 × 32 → 64-bit products
    /// (<c>lo·lo + (hi·lo + lo·hi) 2³²</c>), since x64 has no 64-bit vector multiply below AVX-512 and the runtime's own
    /// operator then multiplies lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator *(Bits128 a, Bits128 b)
    {
        if (!Sse2.IsSupported || Vector128.IsHardwareAccelerated && Avx512DQ.VL.IsSupported) return new(a.Value * b.Value);
        var (x, y) = (a.Value, b.Value);
        var low = Sse2.Multiply(x.AsUInt32(), y.AsUInt32());
        var cross = Sse2.Multiply((x >>> 32).AsUInt32(), y.AsUInt32()) + Sse2.Multiply(x.AsUInt32(), (y >>> 32).AsUInt32());
        return new(low + (cross << 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator &(Bits128 a, Bits128 b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator |(Bits128 a, Bits128 b) => new(a.Value | b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator ^(Bits128 a, Bits128 b) => new(a.Value ^ b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator ~(Bits128 a) => new(~a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator <<(Bits128 a, int shift) => new(a.Value << shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator >>(Bits128 a, int shift) => new(a.Value >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator >>>(Bits128 a, int shift) => new(a.Value >>> shift);
}
