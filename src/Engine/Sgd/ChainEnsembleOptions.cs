namespace NoiseDrift.Engine.Sgd;

/// <summary>What <see cref="ChainEnsemble.Run"/> runs and records.</summary>
/// <param name="Steps">K ≥ 1, the number of SGD steps per chain.</param>
public sealed record ChainEnsembleOptions(int Steps)
{
    /// <summary>
    /// Chains 2j and 2j+1 form an antithetic pair (docs/theory.md §3): the same batches, noise ε and −ε (and ξ, −ξ).
    /// The caller supplies starts <c>θ* + u₀</c> and <c>θ* − u₀</c>, e.g. with <see cref="ChainEnsemble.AntitheticStarts"/>.
    /// Needs an even number of chains.
    /// </summary>
    public bool Antithetic { get; init; }

    /// <summary>
    /// Accumulate the clean full-data gradient <c>∇L(θ_k)</c> at every step for the Rao–Blackwell drift estimator
    /// (docs/theory.md §3). It costs one extra full-data pass per step; turn it off when not needed. Default on.
    /// </summary>
    public bool CleanGradient { get; init; } = true;

    /// <summary>Steps k (strictly increasing, in [0, K]) at which θ_k of every chain is copied; 0 is the start.</summary>
    public IReadOnlyList<int> SnapshotSteps { get; init; } = [];

    /// <summary>The most chains run at once (−1: all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Which simulator kernel runs the chains (default: batched where possible). Results do not depend on it.</summary>
    public ChainKernel Kernel { get; init; } = ChainKernel.Auto;

    /// <summary>
    /// Chains per block of the batched kernel: 0 (default) the width this machine runs natively, or 2, 4 or 8 forced (the
    /// tests run every width; results do not depend on it).
    /// </summary>
    internal int LaneWidth { get; init; }

    /// <summary>Receives the completed fraction of all chain steps, in [0, 1], from worker threads.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Stops the run between steps (throws <see cref="OperationCanceledException"/>).</summary>
    public CancellationToken Cancellation { get; init; }
}
