using NoiseDrift.Engine.Random;

namespace NoiseDrift.Conformance.Cases;

/// <summary>
/// Deterministic draws for the canonical cases, keyed by the engine's counter-based generator (so a case is the same on
/// every machine and .NET version): one stream per case, one step per purpose.
/// </summary>
internal sealed class CaseDraw(ulong seed, long stream)
{
    /// <summary><c>count</c> values <c>N(0, scale²)</c> for a purpose.</summary>
    public double[] Gaussian(long purpose, int count, double scale = 1) =>
        Enumerable.Range(0, count).Select(i => scale * CounterRandom.Gaussian(seed, stream, purpose, i)).ToArray();

    /// <summary><c>count</c> values <c>±scale</c> with probability ½ each.</summary>
    public double[] Rademacher(long purpose, int count, double scale) =>
        Enumerable.Range(0, count).Select(i => scale * CounterRandom.Rademacher(seed, stream, purpose, i)).ToArray();

    /// <summary>A uniformly random batch of B distinct indices out of n (the engine's sampler, docs/theory.md §1).</summary>
    public int[] Batch(long purpose, int n, int b)
    {
        var buffer = new int[n];
        return BatchSampler.Select(seed, stream, purpose, n, b, buffer).ToArray();
    }
}
