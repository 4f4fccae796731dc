using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// Eight <see cref="RandomKey"/>s side by side, one per lane of a <see cref="Vector512{T}"/>, for the chain-batched
/// simulator (docs/design.md "Engine conventions": randomness keyed by (seed, chain, step)). The hashing runs on all eight
/// lanes at once; every lane returns exactly the number its scalar <see cref="RandomKey"/> would. The logarithm and
/// cosine of Box–Muller are the engine's own (<see cref="NaturalLog"/>, <see cref="Cosine"/>), one source for the scalar
/// and the lanes, so Gaussians match bit for bit too.
/// </summary>
internal readonly struct RandomKeyLanes
{
    private const double TwoPi = 2 * Math.PI;
    private const double Ulp53 = 1.0 / (1UL << 53);
    private readonly Vector512<ulong> _state;

    private RandomKeyLanes(Vector512<ulong> state) => _state = state;

    /// <summary>The per-lane states with <c>(seed, chain)</c> absorbed, for eight chains (or streams).</summary>
    public static Vector512<ulong> Streams(ulong seed, ReadOnlySpan<long> chains)
    {
        Span<ulong> s = stackalloc ulong[8];
        for (int lane = 0; lane < 8; lane++) s[lane] = CounterRandom.StreamState(seed, chains[lane]);
        return Vector512.Create<ulong>(s);
    }

    /// <summary>The keys <c>(seed, chain_lane, step)</c>, from <see cref="Streams"/>.</summary>
    public static RandomKeyLanes At(Vector512<ulong> streams, long step) => new(Absorb(streams, (ulong)step));

    /// <summary>64 random bits per lane for <c>(index_lane, lane)</c>; equals <see cref="RandomKey.Bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> Bits(Vector512<ulong> index, int lane = 0) => LaneBits(Indexed(index), lane);

    /// <summary>Uniform doubles in (0, 1); equals <see cref="RandomKey.Uniform"/> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Uniform(Vector512<ulong> index, int lane = 0) => ToUniform(Bits(index, lane));

    /// <summary>
    /// Standard Gaussians, <see cref="RandomKey.Gaussian"/> per lane. With <paramref name="stride"/> 2 the odd lanes
    /// hold the same key as the even ones (antithetic pairs) and are copied instead of recomputed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Vector512<double> Gaussian(Vector512<ulong> index, int stride = 1)
    {
        var g = BoxMuller(Indexed(index));
        return stride == 2 ? Vector512.Shuffle(g, Vector512.Create(0L, 0, 2, 2, 4, 4, 6, 6)) : g;
    }

    /// <summary>
    /// The Gaussians of <see cref="Gaussian"/> with stride 2 for two indices at once: the four distinct keys of the
    /// antithetic lanes (0, 2, 4, 6) are hashed for both indices in one vector, and Box–Muller runs once on it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (Vector512<double> First, Vector512<double> Second) GaussianPairs(ulong first, ulong second)
    {
        var keys = Vector512.Shuffle(_state, Vector512.Create(0UL, 2, 4, 6, 0, 2, 4, 6));
        var index = Vector512.Create(first, first, first, first, second, second, second, second);
        var g = BoxMuller(Absorb(keys, index));
        return (Vector512.Shuffle(g, Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3)),
            Vector512.Shuffle(g, Vector512.Create(4L, 4, 5, 5, 6, 6, 7, 7)));
    }

    /// <summary>
    /// <see cref="Random.BoxMuller.Normal"/> of the uniforms of lanes 0 and 1 of each indexed state, all on the vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> BoxMuller(Vector512<ulong> indexed) =>
        Vector512.Sqrt(Vector512.Create(-2.0) * NaturalLog.Log(ToUniform(LaneBits(indexed, 0)))) *
        Cosine.Cos(Vector512.Create(TwoPi) * ToUniform(LaneBits(indexed, 1)));

    /// <summary>The state with the index absorbed (shared by the two uniforms of a Gaussian).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<ulong> Indexed(Vector512<ulong> index) => Absorb(_state, index);

    /// <summary><c>Mix(Absorb(indexed, lane))</c>, the lane word folded into a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> LaneBits(Vector512<ulong> indexed, int lane) =>
        Mix(Mix(indexed + Vector512.Create(CounterRandom.Golden + (ulong)lane * CounterRandom.LaneSalt)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ToUniform(Vector512<ulong> bits) =>
        (Vector512.ConvertToDouble(Vector512.ShiftRightLogical(bits, 11)) + Vector512.Create(0.5)) * Vector512.Create(Ulp53);

    /// <summary>Rademacher signs ±1, <see cref="RandomKey.Rademacher"/> per lane (the top bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Vector512<double> Rademacher(Vector512<ulong> index)
    {
        var negative = Vector512.LessThan(Bits(index).AsInt64(), Vector512<long>.Zero).AsDouble();
        return Vector512.ConditionalSelect(negative, Vector512.Create(-1.0), Vector512.Create(1.0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Absorb(Vector512<ulong> state, Vector512<ulong> word) =>
        Mix(state + Vector512.Create(CounterRandom.Golden) + word * Vector512.Create(CounterRandom.LaneSalt));

    private static Vector512<ulong> Absorb(Vector512<ulong> state, ulong word) =>
        Mix(state + Vector512.Create(CounterRandom.Golden + word * CounterRandom.LaneSalt));
}
