using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// Uniform batches of B distinct indices out of n (docs/theory.md §1, label-noise SGD), keyed by
/// <c>(seed, stream, step)</c>: a partial Fisher–Yates shuffle driven by keyed integers, so the batch of a step is a
/// pure function of its key. Every B-subset is equally likely, in a uniformly random order; B = n returns
/// <c>0..n−1</c> in order.
/// </summary>
public static class BatchSampler
{
    /// <summary>
    /// Writes the batch into <c>buffer[0..B)</c>. <paramref name="buffer"/> is per-chain scratch of length at least n;
    /// it is reset to the identity first, so its previous content does not matter. Allocation-free.
    /// </summary>
    /// <param name="seed">The batch seed.</param>
    /// <param name="stream">The chain, or the antithetic pair, that owns the batch.</param>
    /// <param name="step">The SGD step k.</param>
    /// <param name="count">n, the number of examples.</param>
    /// <param name="batch">B, with <c>1 ≤ B ≤ n</c>.</param>
    /// <param name="buffer">Index scratch of length ≥ n.</param>
    /// <returns>The batch <c>buffer[0..B)</c>.</returns>
    public static Span<int> Select(ulong seed, long stream, long step, int count, int batch, Span<int> buffer)
    {
        Guard.Positive(count, "n");
        if (batch < 1 || batch > count)
            throw new InvalidInputException("batch", $"must be in [1, n = {count}], got {batch}");
        if (buffer.Length < count)
            throw new InvalidInputException("buffer", $"has length {buffer.Length}, needs at least n = {count}");
        for (int i = 0; i < count; i++) buffer[i] = i;
        if (batch == count) return buffer[..count];
        var key = CounterRandom.Key(seed, stream, step);
        for (int i = 0; i < batch; i++)
        {
            int j = i + key.Below(i, count - i);
            (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
        }
        return buffer[..batch];
    }
}
