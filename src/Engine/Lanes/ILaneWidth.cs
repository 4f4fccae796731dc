using System.Numerics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The operations a lane kernel written once needs from a width: doubles <typeparamref name="TV"/> and their bit
/// patterns <typeparamref name="TU"/>, one chain (or one value) per lane. <see cref="ScalarWidth"/> is one lane (the
/// per-chain path), <see cref="Width512"/> eight. Arithmetic is the operators of the two types; the rest is here.
/// Every operation acts lane by lane with one rounding, so a kernel gives each lane the bits the scalar width gives it
/// (docs/design.md "Bit-identity contract").
/// </summary>
internal interface ILaneWidth<TV, TU>
    where TV : IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary>c in every lane.</summary>
    static abstract TV C(double c);

    /// <summary>The bit pattern c in every lane.</summary>
    static abstract TU U(ulong c);

    /// <summary><c>a·b + c</c> rounded once.</summary>
    static abstract TV Fma(TV a, TV b, TV c);

    /// <summary>The bits of each lane.</summary>
    static abstract TU Bits(TV x);

    /// <summary>The doubles with these bits.</summary>
    static abstract TV Double(TU bits);

    /// <summary><c>(double)((long)bits >> 52)</c>: the signed exponent field of a biased difference, as a double.</summary>
    static abstract TV Exponent(TU bits);

    /// <summary>All ones where <c>a &lt; b</c> as unsigned integers, else zero.</summary>
    static abstract TU Below(TU a, TU b);

    /// <summary>All ones where <c>a &lt; b</c> as doubles, else zero.</summary>
    static abstract TU Less(TV a, TV b);

    /// <summary>All ones where <c>a = b</c> as integers, else zero.</summary>
    static abstract TU Same(TU a, TU b);

    /// <summary><paramref name="a"/> where the mask is set, else <paramref name="b"/>.</summary>
    static abstract TV Select(TU mask, TV a, TV b);

    /// <summary>Whether any lane of the mask is set.</summary>
    static abstract bool Any(TU mask);

    /// <summary>Whether every lane has <c>a &lt; b</c> as unsigned integers.</summary>
    static abstract bool AllBelow(TU a, TU b);

    /// <summary><c>|x|</c> per lane.</summary>
    static abstract TV Abs(TV x);

    /// <summary>The smaller, as unsigned integers.</summary>
    static abstract TU Min(TU a, TU b);

    /// <summary><c>table[offset + entry_lane]</c> per lane.</summary>
    static abstract TV Gather(double[] table, int offset, TU entry);

    /// <summary><paramref name="f"/> lane by lane.</summary>
    static abstract TV PerLane(TV x, Func<double, double> f);
}
