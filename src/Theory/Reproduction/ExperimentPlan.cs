using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// One reproduction run (docs/theory.md §3–§4): the full-batch label-noise SGD problem (η, σ, B = n, and with them the
/// slow time <c>t = η²σ²K/n</c>), the run plan (chains per noisy run kind, the horizon K, the seed), and what only a
/// reproduction needs: the number of tracked steps, the GD budget that finds the interpolating start, and the largest
/// slow-flow step.
/// </summary>
/// <param name="Sgd">η, σ and B = n (full batch).</param>
/// <param name="Run">Chains per noisy run kind (plain GD, being deterministic, runs 2), the horizon K and the seed.</param>
/// <param name="TrackPoints">About how many log-spaced steps are read (<see cref="TrackingSchedule"/>).</param>
/// <param name="StartSteps">The most plain-GD steps from the random initialisation towards M.</param>
/// <param name="FlowStep">The largest Heun step of the slow flow, in flow time.</param>
public sealed record ExperimentPlan(SgdProblem Sgd, RunPlan Run, int TrackPoints, int StartSteps, double FlowStep)
{
    /// <summary>
    /// When set, the tracked steps are those of a plan with this K, continued at their own ratio up to <see cref="RunPlan.Steps"/>
    /// (<see cref="TrackingSchedule.Of"/>): a longer run reads every step the shorter one read.
    /// </summary>
    public int? ScheduleBase { get; init; }

    /// <summary>A full-batch plan on n examples with σ = 1 and no snapshots beyond the tracked steps.</summary>
    public static ExperimentPlan FullBatch(double eta, int n, int chains, int steps, int trackPoints, int startSteps,
        double flowStep, ulong seed) =>
        new(SgdProblem.FullBatch(eta, 1, n), new RunPlan(chains, steps, 0, seed), trackPoints, startSteps, flowStep);

    /// <summary>Throws <see cref="InvalidInputException"/> naming the field unless the plan is usable on n examples (full batch, σ &gt; 0).</summary>
    public void Validate(int n)
    {
        Sgd.Validate(n);
        Guard.Positive(Sgd.Sigma, "sigma");
        if (Sgd.Batch != n) throw new InvalidInputException("batch", $"must be n = {n} (full batch), got {Sgd.Batch}");
        Run.Validate();
        Guard.Positive(StartSteps, "startSteps");
        Guard.Positive(FlowStep, "flowStep");
    }
}
