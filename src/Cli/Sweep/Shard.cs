using System.Globalization;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// Shard <c>i/k</c> of a sweep (docs/design.md "CLI contract"): the k shards, numbered <c>0..k−1</c> like a Slurm array
/// index, split the seeds round-robin, so shard i runs the seeds <c>A + i, A + i + k, …</c> up to B. The union of the
/// k shards is every seed exactly once, whatever k.
/// </summary>
/// <param name="Index">i, from 0 to k − 1.</param>
/// <param name="Count">k ≥ 1.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole sweep as one shard.</summary>
    public static Shard All { get; } = new(0, 1);

    /// <summary>Parses <c>i/k</c>; a bad shard is an <see cref="InvalidInputException"/> naming <c>--shard</c>.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index < count)
        {
            return new Shard(index, count);
        }
        throw new InvalidInputException("--shard", $"expected i/k with 0 ≤ i < k, got '{text}'");
    }

    /// <summary>Whether the seed at <paramref name="offset"/> from the first seed belongs to this shard.</summary>
    public bool Owns(ulong offset) => offset % (ulong)Count == (ulong)Index;
}
