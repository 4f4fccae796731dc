using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>The product modulo 2⁶⁴, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits128 operator *(Bits128 a, Bits128 b) => new(a.Value * b.Value);

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
