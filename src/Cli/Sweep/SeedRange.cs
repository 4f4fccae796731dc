using System.Globalization;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Sweep;

/// <summary>The seeds <c>A..B</c> of a sweep, both ends included (docs/theory.md §5: a seed sweep measures the false-alarm rate).</summary>
/// <param name="First">A, the first seed.</param>
/// <param name="Last">B, the last seed (≥ A).</param>
public sealed record SeedRange(ulong First, ulong Last)
{
    /// <summary>Parses <c>A..B</c>; a bad range is an <see cref="InvalidInputException"/> naming <c>--seeds</c>.</summary>
    public static SeedRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] ends = text.Split("..");
        if (ends.Length == 2
            && ulong.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong first)
            && ulong.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong last))
        {
            if (first <= last) return new SeedRange(first, last);
            throw new InvalidInputException("--seeds", $"'{text}' is empty: A must be at most B");
        }
        throw new InvalidInputException("--seeds", $"expected A..B with non-negative integers A ≤ B, got '{text}'");
    }

    /// <summary>The seeds of shard <paramref name="shard"/>, ascending.</summary>
    public IEnumerable<ulong> Seeds(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        for (ulong seed = First; ; seed++)
        {
            if (shard.Owns(seed - First)) yield return seed;
            if (seed == Last) yield break;
        }
    }
}
