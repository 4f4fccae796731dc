using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// How much simulation a check spends (THEORY.md §3, §5): antithetic pairs, steps per chain, how often the state is
/// sampled for covariances, and the seed. Results depend on these and nothing else (not on the thread count).
/// </summary>
/// <param name="Pairs">Antithetic chain pairs; pairs are the independent samples behind every standard error.</param>
/// <param name="Steps">SGD steps K per chain.</param>
/// <param name="SampleEvery">Snapshot interval (steps) for time-averaged covariances; 0 records none.</param>
/// <param name="Seed">The seed of starts, batches and noise.</param>
public sealed record SimulationPlan(int Pairs, int Steps, int SampleEvery, ulong Seed)
{
    /// <summary>Throws naming the field unless the plan is usable.</summary>
    public void Validate()
    {
        if (Pairs < 2) throw new InvalidInputException("plan.pairs", $"must be at least 2 for a standard error, got {Pairs}");
        Guard.Positive(Steps, "plan.steps");
        if (SampleEvery < 0) throw new InvalidInputException("plan.sampleEvery", $"must be ≥ 0, got {SampleEvery}");
    }

    /// <summary>The snapshot steps <c>SampleEvery, 2·SampleEvery, … ≤ K</c>.</summary>
    public IReadOnlyList<int> SnapshotSteps() => SampleEvery == 0
        ? []
        : Enumerable.Range(1, Steps / SampleEvery).Select(s => s * SampleEvery).ToArray();
}
