using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Eight doubles of a <see cref="Vector512{T}"/> with the operator interfaces a lane kernel written once needs (the
/// runtime's vector types do not expose them to generic code); every operator is the vector's own.
/// </summary>
internal readonly struct Lanes512(Vector512<double> value) : IAdditionOperators<Lanes512, Lanes512, Lanes512>,
    ISubtractionOperators<Lanes512, Lanes512, Lanes512>, IMultiplyOperators<Lanes512, Lanes512, Lanes512>,
    IDivisionOperators<Lanes512, Lanes512, Lanes512>, IUnaryNegationOperators<Lanes512, Lanes512>
{
    public readonly Vector512<double> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 a, Lanes512 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 a, Lanes512 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 a, Lanes512 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 a, Lanes512 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 a) => new(-a.Value);
}

/// <summary>The bit patterns of <see cref="Lanes512"/>, as eight unsigned 64-bit integers.</summary>
internal readonly struct Bits512(Vector512<ulong> value) : IAdditionOperators<Bits512, Bits512, Bits512>,
    ISubtractionOperators<Bits512, Bits512, Bits512>, IBitwiseOperators<Bits512, Bits512, Bits512>,
    IShiftOperators<Bits512, int, Bits512>, IMultiplyOperators<Bits512, Bits512, Bits512>
{
    public readonly Vector512<ulong> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator +(Bits512 a, Bits512 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator -(Bits512 a, Bits512 b) => new(a.Value - b.Value);

    /// <summary>The product modulo 2⁶⁴, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator *(Bits512 a, Bits512 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator &(Bits512 a, Bits512 b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator |(Bits512 a, Bits512 b) => new(a.Value | b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator ^(Bits512 a, Bits512 b) => new(a.Value ^ b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator ~(Bits512 a) => new(~a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator <<(Bits512 a, int shift) => new(a.Value << shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator >>(Bits512 a, int shift) => new(a.Value >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits512 operator >>>(Bits512 a, int shift) => new(a.Value >>> shift);
}
