using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Four doubles of a <see cref="Vector256{T}"/> with the operator interfaces a lane kernel written once needs (the
/// runtime's vector types do not expose them to generic code); every operator is the vector's own.
/// </summary>
internal readonly struct Lanes256(Vector256<double> value) : IAdditionOperators<Lanes256, Lanes256, Lanes256>,
    ISubtractionOperators<Lanes256, Lanes256, Lanes256>, IMultiplyOperators<Lanes256, Lanes256, Lanes256>,
    IDivisionOperators<Lanes256, Lanes256, Lanes256>, IUnaryNegationOperators<Lanes256, Lanes256>
{
    public readonly Vector256<double> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 a, Lanes256 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 a, Lanes256 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 a, Lanes256 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 a, Lanes256 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 a) => new(-a.Value);
}

/// <summary>The bit patterns of <see cref="Lanes256"/>, as four unsigned 64-bit integers.</summary>
internal readonly struct Bits256(Vector256<ulong> value) : IAdditionOperators<Bits256, Bits256, Bits256>,
    ISubtractionOperators<Bits256, Bits256, Bits256>, IBitwiseOperators<Bits256, Bits256, Bits256>,
    IShiftOperators<Bits256, int, Bits256>, IMultiplyOperators<Bits256, Bits256, Bits256>
{
    public readonly Vector256<ulong> Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator +(Bits256 a, Bits256 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator -(Bits256 a, Bits256 b) => new(a.Value - b.Value);

    /// <summary>
    /// The product modulo 2⁶⁴, lane by lane: with Avx2, from three 32 × 32 → 64-bit products
    /// (<c>lo·lo + (hi·lo + lo·hi) 2³²</c>), since x64 has no 64-bit vector multiply below AVX-512 and the runtime's own
    /// operator then multiplies lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator *(Bits256 a, Bits256 b)
    {
        if (!Avx2.IsSupported || Vector256.IsHardwareAccelerated && Avx512DQ.VL.IsSupported) return new(a.Value * b.Value);
        var (x, y) = (a.Value, b.Value);
        var low = Avx2.Multiply(x.AsUInt32(), y.AsUInt32());
        var cross = Avx2.Multiply((x >>> 32).AsUInt32(), y.AsUInt32()) + Avx2.Multiply(x.AsUInt32(), (y >>> 32).AsUInt32());
        return new(low + (cross << 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator &(Bits256 a, Bits256 b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator |(Bits256 a, Bits256 b) => new(a.Value | b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator ^(Bits256 a, Bits256 b) => new(a.Value ^ b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator ~(Bits256 a) => new(~a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator <<(Bits256 a, int shift) => new(a.Value << shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator >>(Bits256 a, int shift) => new(a.Value >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bits256 operator >>>(Bits256 a, int shift) => new(a.Value >>> shift);
}
