using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// Label-noise SGD chains run from a theory case (docs/theory.md §3, "Variance reduction"): antithetic pairs
/// <c>(u_0, ε)</c>, <c>(−u_0, −ε)</c> with shared batches, started from the stationary law <c>u_0 ~ N(0, S)</c> in N
/// (or from θ* itself), with the Rao–Blackwell clean gradient recorded at every step.
/// </summary>
/// <param name="Case">The case simulated.</param>
/// <param name="Plan">Pairs, steps, sampling and seed.</param>
/// <param name="Result">What the engine recorded.</param>
public sealed record ChainExperiment(TheoryCase Case, RunPlan Plan, ChainEnsembleResult Result)
{
    /// <summary>θ_0 of every chain (chains 2j, 2j+1 are the pair <c>θ* ± u_j</c>).</summary>
    public IReadOnlyList<double[]> Starts { get; init; } = [];

    /// <summary>
    /// Runs the chains. <paramref name="startCovariance"/> is the law of <c>u_0</c> (default: the exact stationary S
    /// of the case; <c>null</c> with <paramref name="fromCenter"/> starts every chain at θ*). Refuses
    /// <c>η λ_max ≥ 2</c> with the limit in the message before any step is taken (docs/theory.md §2).
    /// </summary>
    public static ChainExperiment Run(TheoryCase @case, RunPlan plan, OuCovariance? startCovariance = null,
        bool fromCenter = false, double parameterNoise = 0, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(plan);
        plan.ValidateAntithetic();
        @case.Sgd.Validate(@case.Frame.Count);
        @case.Sgd.RequireStable(@case.Frame.LargestHessianEigenvalue);
        int p = @case.Model.ParameterCount;
        double[][] offsets = fromCenter
            ? Enumerable.Range(0, plan.Pairs).Select(_ => new double[p]).ToArray()
            : StationaryStart.Offsets(@case.Frame, startCovariance ?? StationaryCovariance.Exact(@case.Frame, @case.Sgd),
                plan.Pairs, plan.Seed);
        var starts = ChainEnsemble.AntitheticStarts(@case.Theta, offsets);
        var options = new ChainEnsembleOptions(plan.Steps)
        {
            Antithetic = true,
            CleanGradient = true,
            SnapshotSteps = plan.SnapshotSteps(),
            Progress = progress,
        };
        var result = ChainEnsemble.Run(@case.Model, @case.Data, @case.EngineSettings(plan.Seed, parameterNoise), starts, options);
        return new ChainExperiment(@case, plan, result) { Starts = starts };
    }

    /// <summary>
    /// The experiment of <paramref name="plan"/>, this one's plan with fewer pairs, without running it: pair j's start
    /// and randomness are keyed by j alone, so its chains are this run's first pairs (<see cref="ChainEnsembleResult.FirstChains"/>).
    /// </summary>
    public ChainExperiment FirstPairs(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan != Plan with { Chains = plan.Chains } || plan.Chains > Plan.Chains)
            throw new ArgumentException($"plan {plan} is not this experiment's plan {Plan} with fewer pairs", nameof(plan));
        return new ChainExperiment(Case, plan, Result.FirstChains(plan.Chains)) { Starts = Starts.Take(plan.Chains).ToArray() };
    }
}
