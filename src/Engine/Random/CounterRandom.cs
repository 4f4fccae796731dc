using System.Runtime.CompilerServices;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// A stateless counter-based generator (docs/design.md "Engine conventions"): every number is a pure function of the key
/// <c>(seed, chain, step, index)</c>, so results do not depend on thread count or scheduling. The key words are
/// absorbed one at a time by a SplitMix64-style finalizer; each absorption is a bijection of the word for a fixed
/// prefix, so distinct keys collide only by chance (about 2⁻⁶⁴).
/// <para>Use <see cref="Key"/> to fix <c>(seed, chain, step)</c> once and draw many indices from it.</para>
/// </summary>
public static class CounterRandom
{
    internal const ulong Golden = 0x9E3779B97F4A7C15UL;
    internal const ulong LaneSalt = 0xD1B54A32D192ED03UL;
    private const ulong KeySalt = 0x6A09E667F3BCC909UL;

    /// <summary>The 64-bit finalizer of SplitMix64 (Stafford's variant 13): a bijective avalanche mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Output number <paramref name="n"/> (from 1) of the SplitMix64 generator started at <paramref name="seed"/>:
    /// <c>Mix(seed + n · 0x9E3779B97F4A7C15)</c>.
    /// </summary>
    public static ulong SplitMix64(ulong seed, ulong n) => Mix(seed + Golden * n);

    /// <summary>Absorbs one key word into a hash state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Absorb(ulong state, ulong word) => Mix(state + Golden + word * LaneSalt);

    /// <summary>A generator keyed by <c>(seed, chain, step)</c>; draw with its index methods.</summary>
    public static RandomKey Key(ulong seed, long chain, long step) => new(Absorb(StreamState(seed, chain), (ulong)step));

    /// <summary>The state with <c>(seed, chain)</c> absorbed; absorbing the step gives <see cref="Key"/>.</summary>
    internal static ulong StreamState(ulong seed, long chain) => Absorb(Mix(seed ^ KeySalt), (ulong)chain);

    /// <summary>
    /// An independent seed for one purpose (label noise, batches, parameter noise, starts), so that streams drawn
    /// with the same <c>(chain, step, index)</c> for different purposes are unrelated.
    /// </summary>
    public static ulong DeriveSeed(ulong seed, ulong purpose) => Absorb(Mix(seed ^ 0xBB67AE8584CAA73BUL), purpose);

    /// <summary>A uniform double in (0, 1) for the key <c>(seed, chain, step, index)</c>.</summary>
    public static double Uniform(ulong seed, long chain, long step, long index) => Key(seed, chain, step).Uniform(index);

    /// <summary>A standard Gaussian for the key <c>(seed, chain, step, index)</c>.</summary>
    public static double Gaussian(ulong seed, long chain, long step, long index) => Key(seed, chain, step).Gaussian(index);

    /// <summary>A Rademacher sign ±1 for the key <c>(seed, chain, step, index)</c>.</summary>
    public static double Rademacher(ulong seed, long chain, long step, long index) =>
        Key(seed, chain, step).Rademacher(index);
}
