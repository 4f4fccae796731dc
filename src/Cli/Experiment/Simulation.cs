using System.Numerics.Tensors;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Cli.Experiment;

/// <summary>
/// The run behind <c>noisedrift simulate</c> (THEORY.md §2–§3): <c>sgd.chains</c> label-noise SGD chains in antithetic
/// pairs from the stationary start <c>u₀ ~ N(0, S)</c> around θ*, <c>sgd.steps</c> steps each, measured with the
/// Rao–Blackwell drift estimator, the per-pair OU second moments and <c>reg</c> of the projected iterates.
/// </summary>
public static class Simulation
{
    /// <summary>About this many snapshots are taken (plus step 0) for the OU moments and the reg trace.</summary>
    public const int Snapshots = 10;

    /// <summary>
    /// The plan for the spec's SGD block: pairs = chains/2, snapshots every ⌈steps/10⌉ steps. Throws on
    /// <c>sgd.chains</c> unless it is even (antithetic pairs) and at least 4 (two pairs for a standard error).
    /// </summary>
    public static SimulationPlan PlanFor(SgdOptions sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        if (sgd.Chains % 2 != 0)
            throw new InvalidInputException("sgd.chains", $"is {sgd.Chains}; simulate runs antithetic pairs, so it must be even");
        if (sgd.Chains < 4)
            throw new InvalidInputException("sgd.chains", $"is {sgd.Chains}; at least 4 (two antithetic pairs) are needed for a standard error");
        return new SimulationPlan(sgd.Chains / 2, sgd.Steps, (sgd.Steps + Snapshots - 1) / Snapshots, sgd.Seed);
    }

    /// <summary>Runs the chains and measures; <paramref name="progress"/> receives the completed fraction of steps.</summary>
    public static SimulationResult Run(TheoryCase @case, PredictionSummary predicted, SimulationPlan plan,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(predicted);
        ChainExperiment experiment;
        try
        {
            experiment = SpecPath.Within(SpecPath.Sgd, () => ChainExperiment.Run(@case, plan, predicted.OuCovariance, progress: progress));
        }
        catch (SgdDivergedException e)
        {
            throw new InvalidInputException("sgd", $"label-noise SGD diverged ({e.Message}); lower sgd.eta or sgd.sigma");
        }
        var drift = DriftMeasurement.RaoBlackwell(experiment);
        var ou = OuMeasurement.Stationary(experiment);
        var meanMoment = ou.PerPair.Aggregate((a, b) => a + b) / ou.PerPair.Count;
        return new SimulationResult(predicted, plan, drift.Estimate,
            VectorMeanEstimate.Projection(drift.Samples, UnitDirection(predicted.DriftExact)),
            OuCovariance.Of(meanMoment, "measured").Eigenvalues, MeanEstimate.Of(ou.Trace()),
            RegTrace(experiment), RegularizerDecreaseCheck.MeasuredRate(experiment));
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
        return [.. states.Select(state => new RegSample(state.Step, MeanProjectedReg(experiment.Case, state.Thetas)))];
    }

    private static double MeanProjectedReg(TheoryCase @case, IReadOnlyList<double[]> thetas)
    {
        var regs = new double[thetas.Count];
        Parallel.For(0, thetas.Count, c => regs[c] = RegularizerChange.OfProjected(@case, thetas[c]));
        return regs.Average();
    }
}
