using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// The <c>sgd</c> block of a spec file: the label-noise SGD problem of docs/theory.md §1 (η, σ, B, noise law, owned by
/// <see cref="SgdProblem"/>) and the run options of <c>noisedrift simulate</c>.
/// </summary>
/// <param name="Problem">η, σ, B and the noise law, validated against n.</param>
/// <param name="Run">The chains, the SGD steps per chain and the seed (<c>sgd.chains</c>, <c>sgd.steps</c>,
/// <c>sgd.seed</c>); the snapshot interval is the simulation's choice.</param>
public sealed record SgdOptions(SgdProblem Problem, RunPlan Run)
{
    /// <summary>The default number of steps when <c>sgd.steps</c> is absent.</summary>
    public const int DefaultSteps = 1000;

    /// <summary>The default number of chains when <c>sgd.chains</c> is absent.</summary>
    public const int DefaultChains = 1000;

    /// <summary>The default seed when <c>sgd.seed</c> is absent.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>About this many snapshots are taken (plus step 0) for the OU moments and the reg trace.</summary>
    public const int Snapshots = 10;

    /// <summary>The engine's simulator settings for the problem and the seed (steps and chains are run options).</summary>
    public SgdSettings ToSettings() => new(Problem, Run.Seed);
}
