using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// How much simulation a run spends (docs/theory.md §3, §5), beside the <see cref="SgdProblem"/> it simulates: the
/// number of chains, the steps K per chain, how often the state is sampled, and the one seed of every draw (starts,
/// batches, noise; <see cref="Random.RandomStreams"/> derives a seed per purpose). Results depend on these and nothing
/// else (not on the thread count). Errors name the bare field (<c>chains</c>, <c>steps</c>, <c>sampleEvery</c>).
/// </summary>
/// <param name="Chains">Independent chains (for antithetic runs, chains 2j and 2j+1 form pair j).</param>
/// <param name="Steps">SGD steps K per chain.</param>
/// <param name="SampleEvery">Snapshot interval (steps); 0 records none.</param>
/// <param name="Seed">The seed of every draw.</param>
public sealed record RunPlan(int Chains, int Steps, int SampleEvery, ulong Seed)
{
    /// <summary>A run of <paramref name="pairs"/> antithetic pairs (2·pairs chains).</summary>
    public static RunPlan Antithetic(int pairs, int steps, int sampleEvery, ulong seed) => new(2 * pairs, steps, sampleEvery, seed);

    /// <summary>The antithetic pairs, <c>Chains / 2</c>: the independent samples behind every standard error of a paired run.</summary>
    public int Pairs => Chains / 2;

    /// <summary>Throws naming the field unless there are at least two chains (a standard error), K ≥ 1 and a snapshot interval ≥ 0.</summary>
    public void Validate()
    {
        if (Chains < 2) throw new InvalidInputException("chains", $"must be at least 2 for a standard error, got {Chains}");
        Guard.Positive(Steps, "steps");
        if (SampleEvery < 0) throw new InvalidInputException("sampleEvery", $"must be ≥ 0, got {SampleEvery}");
    }

    /// <summary>As <see cref="Validate"/>, and the chains form at least two antithetic pairs.</summary>
    public void ValidateAntithetic()
    {
        if (Chains % 2 != 0 || Pairs < 2)
            throw new InvalidInputException("pairs", $"must be at least 2 for a standard error, got {Chains} chains");
        Validate();
    }

    /// <summary>The snapshot steps <c>SampleEvery, 2·SampleEvery, … ≤ K</c>.</summary>
    public IReadOnlyList<int> SnapshotSteps() => SampleEvery == 0
        ? []
        : Enumerable.Range(1, Steps / SampleEvery).Select(s => s * SampleEvery).ToArray();
}
