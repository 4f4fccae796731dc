using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// <see cref="RandomKey"/>s side by side, one per lane of a width <typeparamref name="TW"/>, for the chain-batched
/// simulator (docs/design.md "Engine conventions": randomness keyed by (seed, chain, step)). The hashing runs on all
/// lanes at once; every lane returns exactly the number its scalar <see cref="RandomKey"/> would. The logarithm and
/// cosine of Box–Muller are the engine's own (<see cref="NaturalLog"/>, <see cref="Cosine"/>), one source for the scalar
/// and the lanes, so Gaussians match bit for bit too.
/// </summary>
internal readonly struct RandomKeyLanes<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
{
    private const double TwoPi = 2 * Math.PI;
    private const double Ulp53 = 1.0 / (1UL << 53);
    private readonly TU _state;

    private RandomKeyLanes(TU state) => _state = state;

    /// <summary>The per-lane states with <c>(seed, chain)</c> absorbed, one chain (or stream) per lane.</summary>
    public static TU Streams(ulong seed, ReadOnlySpan<long> chains)
    {
        Span<ulong> s = stackalloc ulong[TW.Count];
        for (int lane = 0; lane < s.Length; lane++) s[lane] = CounterRandom.StreamState(seed, chains[lane]);
        return MemoryMarshal.Read<TU>(MemoryMarshal.AsBytes(s));
    }

    /// <summary>One key in every lane, to draw at a different index per lane (<see cref="KeyedGaussians"/>).</summary>
    public static RandomKeyLanes<TW, TV, TU> Of(RandomKey key) => new(TW.U(key.State));

    /// <summary>The keys <c>(seed, chain_lane, step)</c>, from <see cref="Streams"/>.</summary>
    public static RandomKeyLanes<TW, TV, TU> At(TU streams, long step) =>
        new(Mix(streams + TW.U(CounterRandom.Golden + (ulong)step * CounterRandom.LaneSalt)));

    /// <summary>64 random bits per lane for <c>(index_lane, lane)</c>; equals <see cref="RandomKey.Bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TU Bits(TU index, int lane = 0) => LaneBits(Absorb(_state, index), lane);

    /// <summary>Uniform doubles in (0, 1); equals <see cref="RandomKey.Uniform"/> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Uniform(TU index, int lane = 0) => ToUniform(Bits(index, lane));

    /// <summary>
    /// Standard Gaussians, <see cref="RandomKey.Gaussian"/> per lane. With <paramref name="stride"/> 2 the odd lanes
    /// hold the same key as the even ones (antithetic pairs) and are copied instead of recomputed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Gaussian(TU index, int stride = 1)
    {
        var g = BoxMuller(Absorb(_state, index));
        return stride == 2 ? TW.EvenToOdd(g) : g;
    }

    /// <summary>
    /// The Gaussians of <see cref="Gaussian"/> with stride 2 for two indices at once: the distinct keys of the
    /// antithetic lanes (the even ones) are hashed for both indices in one vector, and Box–Muller runs once on it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (TV First, TV Second) GaussianPairs(ulong first, ulong second) =>
        TW.SpreadHalves(BoxMuller(Absorb(TW.EvenTwice(_state), TW.Halves(first, second))));

    /// <summary>
    /// <c>result[i] = bases[i] + scale · Gaussian(i, stride)</c> for every i of <paramref name="result"/> (a step's
    /// full-batch label noise, or its parameter noise; <paramref name="result"/> may be <paramref name="bases"/>). With
    /// stride 2, two indices per Box–Muller pass (<see cref="GaussianPairs"/>): the same bits, half the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddScaledGaussians(ReadOnlySpan<TV> bases, TV scale, int stride, Span<TV> result)
    {
        int i = 0;
        if (stride == 2)
        {
            for (; i + 2 <= result.Length; i += 2)
            {
                var (g0, g1) = GaussianPairs((ulong)i, (ulong)i + 1);
                result[i] = bases[i] + scale * g0;
                result[i + 1] = bases[i + 1] + scale * g1;
            }
        }
        for (; i < result.Length; i++) result[i] = bases[i] + scale * Gaussian(TW.U((ulong)i), stride);
    }

    /// <summary>Rademacher signs ±1, <see cref="RandomKey.Rademacher"/> per lane (the top bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Rademacher(TU index) =>
        TW.Select(TW.Same(Bits(index) >> 63, TW.U(1)), TW.C(-1.0), TW.C(1.0));

    /// <summary>
    /// <see cref="Random.BoxMuller.Normal"/> of the uniforms of lanes 0 and 1 of each indexed state, all on the vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV BoxMuller(TU indexed) =>
        TW.Sqrt(TW.C(-2.0) * NaturalLog<TW, TV, TU>.Log(ToUniform(LaneBits(indexed, 0)))) *
        Cosine<TW, TV, TU>.Cos(TW.C(TwoPi) * ToUniform(LaneBits(indexed, 1)));

    /// <summary><c>Mix(Absorb(indexed, lane))</c>, the lane word folded into a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TU LaneBits(TU indexed, int lane) =>
        Mix(Mix(indexed + TW.U(CounterRandom.Golden + (ulong)lane * CounterRandom.LaneSalt)));

    /// <summary><c>((bits ≫ 11) + ½) 2⁻⁵³</c>, as <see cref="RandomKey.Uniform"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ToUniform(TU bits) => (TW.Integer(bits >> 11) + TW.C(0.5)) * TW.C(Ulp53);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TU Mix(TU z)
    {
        z = (z ^ (z >> 30)) * TW.U(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * TW.U(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TU Absorb(TU state, TU word) => Mix(state + TW.U(CounterRandom.Golden) + word * TW.U(CounterRandom.LaneSalt));
}
