using System.Numerics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The operations a lane kernel written once needs from a width: doubles <typeparamref name="TV"/> and their bit
/// patterns <typeparamref name="TU"/>, one chain (or one value) per lane. <see cref="ScalarWidth"/> is one lane (the
/// per-chain path), <see cref="Width128"/> two, <see cref="Width256"/> four, <see cref="Width512"/> eight. Arithmetic is
/// the operators of the two types; the rest is here.
/// Every operation acts lane by lane with one rounding, so a kernel gives each lane the bits the scalar width gives it
/// (docs/design.md "Bit-identity contract").
/// </summary>
internal interface ILaneWidth<TV, TU>
    where TV : IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    /// <summary>Lanes (chains) per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the machine runs vectors of this width natively (else the runtime emulates them).</summary>
    static abstract bool Accelerated { get; }

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

    /// <summary>Each lane's integer, below 2⁵³, as a double (exact).</summary>
    static abstract TV Integer(TU bits);

    /// <summary><c>√x</c> per lane, correctly rounded.</summary>
    static abstract TV Sqrt(TV x);

    /// <summary>All ones where <c>a ≤ b</c> as doubles, else zero.</summary>
    static abstract TU AtMost(TV a, TV b);

    /// <summary>The top bit of each lane, lane 0 in bit 0.</summary>
    static abstract uint Signs(TU mask);

    /// <summary>The antithetic copy: lane 2i + 1 takes the value of lane 2i.</summary>
    static abstract TV EvenToOdd(TV x);

    /// <summary>The even lanes' values twice: lanes i and i + Count/2 take lane 2i (the distinct keys of antithetic pairs).</summary>
    static abstract TU EvenTwice(TU x);

    /// <summary><paramref name="first"/> in the lower half of the lanes, <paramref name="second"/> in the upper half.</summary>
    static abstract TU Halves(ulong first, ulong second);

    /// <summary>
    /// The inverse of <see cref="EvenTwice"/> followed by <see cref="EvenToOdd"/>: from values of the lower half, lanes 2i
    /// and 2i + 1 take lane i; from the upper half, lane i + Count/2.
    /// </summary>
    static abstract (TV Lower, TV Upper) SpreadHalves(TV x);

    /// <summary><paramref name="f"/> lane by lane.</summary>
    static abstract TV PerLane(TV x, Func<double, double> f);
}
