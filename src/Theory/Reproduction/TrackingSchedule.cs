using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>The SGD steps at which a reproduction reads its iterates: 0, then log-spaced up to K (docs/theory.md §3, "Slow flow").</summary>
public static class TrackingSchedule
{
    /// <summary>
    /// Strictly increasing steps from 0 to <paramref name="steps"/>: 0 and about <paramref name="points"/> − 1
    /// log-spaced steps in [1, K], duplicates after rounding dropped.
    /// </summary>
    public static int[] LogSpaced(int steps, int points)
    {
        Guard.Positive(steps, "steps");
        if (points < 2) throw new InvalidInputException("points", $"must be at least 2, got {points}");
        var result = new SortedSet<int> { 0, steps };
        for (int j = 0; j < points - 2; j++) result.Add((int)Math.Round(Math.Pow(steps, j / (double)(points - 2))));
        return [.. result];
    }
}
