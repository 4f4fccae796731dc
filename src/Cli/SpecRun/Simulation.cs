using System.Numerics.Tensors;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// The run behind <c>noisedrift simulate</c> (docs/theory.md §2–§3): <c>sgd.chains</c> label-noise SGD chains in antithetic
/// pairs from the stationary start <c>u₀ ~ N(0, S)</c> around θ*, <c>sgd.steps</c> steps each, measured with the
/// Rao–Blackwell drift estimator, the per-pair OU second moments and <c>reg</c> of the projected iterates.
/// </summary>
public static class Simulation
{
    /// <summary>
    /// The plan for the spec's SGD block: pairs = chains/2, snapshots every ⌈steps/10⌉ steps. Throws on
    /// <c>sgd.chains</c> unless it is even (antithetic pairs) and at least 4 (two pairs for a standard error).
    /// </summary>
    public static RunPlan PlanFor(SgdOptions sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        var run = sgd.Run;
        if (run.Chains % 2 != 0)
            throw new InvalidInputException("sgd.chains", $"is {run.Chains}; simulate runs antithetic pairs, so it must be even");
        if (run.Chains < 4)
            throw new InvalidInputException("sgd.chains", $"is {run.Chains}; at least 4 (two antithetic pairs) are needed for a standard error");
        return run with { SampleEvery = (int)((run.Steps + (long)SgdOptions.Snapshots - 1) / SgdOptions.Snapshots) };
    }

    /// <summary>
    /// Runs the stationary pipeline (<see cref="StationaryExperiment"/>: the chains from <c>u₀ ~ N(0, S)</c>, the
    /// Rao–Blackwell drift, the OU moments), reads reg of the projected iterates and judges the run
    /// (<see cref="StationaryRunVerdicts"/>); <paramref name="progress"/>
    /// receives the completed fraction of steps.
    /// </summary>
    public static SimulationResult Run(TheoryCase @case, PredictionSummary predicted, RunPlan plan,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(predicted);
        var stationary = StationaryExperiment.Prepare(@case, plan, progress);
        ChainExperiment experiment;
        try
        {
            experiment = stationary.Chains;
        }
        catch (Exception e) when (e is SgdDivergedException or InvalidInputException { Field: "eta" })
        {
            throw Diverged(@case, e.Message);
        }
        var drift = stationary.Drift;
        var ou = stationary.Ou;
        var meanMoment = ou.PerPair.Aggregate((a, b) => a + b) / ou.PerPair.Count;
        return new SimulationResult(predicted, plan, drift.Estimate,
            VectorMeanEstimate.Projection(drift.Samples, UnitDirection(predicted.DriftExact)),
            OuCovariance.Of(meanMoment, "measured").Eigenvalues, MeanEstimate.Of(ou.Trace()),
            RegTrace(experiment), ProjectedReg.ChangeRate(experiment.Case, experiment.Starts, experiment.Result.FinalStates, plan.Steps),
            StationaryRunVerdicts.Judge(stationary));
    }

    /// <summary>
    /// A chain that blew up, stated against the one stability limit, <c>2/λ_max</c> at θ* (docs/theory.md §2,
    /// <see cref="SgdProblem.RequireStable"/>), which η passed before the run: the chain left the region where that
    /// limit holds. The engine's own detail (the curvature at the chain's start, its internal residual bound) stays out.
    /// </summary>
    private static InvalidInputException Diverged(TheoryCase @case, string engineMessage)
    {
        var where = System.Text.RegularExpressions.Regex.Match(engineMessage, @"in chain \d+ at step \d+");
        double lambda = @case.Frame.LargestHessianEigenvalue;
        return new InvalidInputException("sgd.eta",
            $"label-noise SGD diverged{(where.Success ? " " + where.Value : "")} although η = {Guard.Format(@case.Sgd.Eta)} " +
            $"is below the stability limit η < 2/λ_max = {Guard.Format(SgdProblem.MaximumStep(lambda))} at θ* " +
            $"(λ_max = {Guard.Format(lambda)}, the largest eigenvalue of G = (1/n)JᵀJ): the chains moved to where the " +
            "curvature is larger; lower sgd.eta or sgd.sigma");
    }

    /// <summary><c>d / ||d||</c>, or d itself when it is 0.</summary>
    public static double[] UnitDirection(double[] d)
    {
        double norm = TensorPrimitives.Norm(d);
        return norm > 0 ? d.Select(v => v / norm).ToArray() : d;
    }

    private static IReadOnlyList<RegSample> RegTrace(ChainExperiment experiment)
    {
        var states = new List<(int Step, IReadOnlyList<double[]> Thetas)> { (0, experiment.Starts) };
        for (int s = 0; s < experiment.Result.SnapshotSteps.Count; s++)
            states.Add((experiment.Result.SnapshotSteps[s], experiment.Result.Snapshots[s]));
        return [.. states.Select(state => ProjectedReg.Mean(experiment.Case, state.Step, state.Thetas))];
    }
}
