using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// The generator <see cref="CounterRandom"/> with <c>(seed, chain, step)</c> already absorbed: each method is a pure
/// function of the index (and, for two-uniform draws, a lane), allocation-free and safe to share between threads.
/// </summary>
public readonly struct RandomKey
{
    private const double Ulp53 = 1.0 / (1UL << 53);
    private readonly ulong _state;

    internal RandomKey(ulong state) => _state = state;

    /// <summary>The hash state with <c>(seed, chain, step)</c> absorbed (for <see cref="RandomKeyLanes{TW, TV, TU}"/>).</summary>
    internal ulong State => _state;

    /// <summary>64 random bits for <c>(index, lane)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Bits(long index, int lane = 0) =>
        CounterRandom.Mix(CounterRandom.Absorb(CounterRandom.Absorb(_state, (ulong)index), (ulong)lane));

    /// <summary>A uniform double in the open interval (0, 1): <c>(⌊bits/2¹¹⌋ + ½) · 2⁻⁵³</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(long index, int lane = 0) => ((Bits(index, lane) >> 11) + 0.5) * Ulp53;

    /// <summary>
    /// A standard Gaussian by <see cref="BoxMuller"/> from the two uniforms of lanes 0 and 1 of this index:
    /// <c>√(−2 ln u₀) cos(2π u₁)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Gaussian(long index) => BoxMuller.Normal(Uniform(index, 0), Uniform(index, 1));

    /// <summary>
    /// <see cref="Gaussian"/> at <c>first, first + 1, …</c> into <paramref name="destination"/>, bit for bit, several
    /// at once on the lanes of a vector (<see cref="KeyedGaussians"/>). Allocation-free.
    /// </summary>
    public void Gaussians(long first, Span<double> destination) => KeyedGaussians.Fill(this, default, first, destination);

    /// <summary>
    /// <see cref="Gaussian"/> at each of <paramref name="indices"/> into <paramref name="destination"/> (of the same
    /// length), bit for bit, as <see cref="Gaussians(long, Span{double})"/>. Allocation-free.
    /// </summary>
    public void Gaussians(ReadOnlySpan<int> indices, Span<double> destination) =>
        KeyedGaussians.Fill(this, indices, 0, destination[..indices.Length]);

    /// <summary>A Rademacher sign, +1 or −1 with probability ½ each (the top bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Rademacher(long index) => (long)Bits(index) < 0 ? -1.0 : 1.0;

    /// <summary>
    /// A uniform integer in <c>[0, range)</c> by Lemire's multiply-high (bias below <c>range · 2⁻⁶⁴</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Below(long index, int range) => (int)Math.BigMul(Bits(index), (ulong)range, out _);
}
