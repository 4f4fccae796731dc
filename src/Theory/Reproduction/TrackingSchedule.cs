using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>The SGD steps at which a reproduction reads its iterates: 0, then log-spaced up to K (docs/theory.md §3, "Slow flow").</summary>
public static class TrackingSchedule
{
    /// <summary>The tracked steps of a plan: <see cref="LogSpaced"/>, or <see cref="Continued"/> when it has a <see cref="ExperimentPlan.ScheduleBase"/>.</summary>
    public static int[] Of(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.ScheduleBase is int shorter && shorter < plan.Run.Steps
            ? Continued(shorter, plan.TrackPoints, plan.Run.Steps)
            : LogSpaced(plan.Run.Steps, plan.TrackPoints);
    }

    /// <summary>
    /// <see cref="LogSpaced"/> up to <paramref name="shorter"/>, then steps growing by the same ratio
    /// <c>shorter^(1/(points − 2))</c> up to <paramref name="steps"/>, which ends the schedule.
    /// </summary>
    public static int[] Continued(int shorter, int points, int steps)
    {
        var result = new SortedSet<int>(LogSpaced(shorter, points)) { steps };
        double ratio = Math.Pow(shorter, 1 / (double)(points - 2));
        for (double k = shorter * ratio; k < steps; k *= ratio) result.Add((int)Math.Round(k));
        return [.. result];
    }

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
