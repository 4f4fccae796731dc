using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Along label-noise SGD, <c>reg</c> of the iterate projected to M changes by <c>∇reg · d</c> per step (docs/theory.md §3,
/// "Regularizer"); at leading order this is <c>−(η²σ²/(4B)) ||P∇reg||²</c>. The check runs K steps from the stationary
/// start and compares the per-pair mean of <c>[reg(Proj θ_K) − reg(Proj θ_0)] / K</c> with the exact-S rate.
/// Error budget: z·SE over pairs, plus the stated bias (base-point motion <c>K ||∇d||</c> and the force's remainder ε₀
/// of docs/theory.md §3.5) times the predicted rate.
/// </summary>
public static class RegularizerDecreaseCheck
{
    /// <summary>The per-step rate measured from an experiment, with its standard error over pairs.</summary>
    public static MeanEstimate MeasuredRate(ChainExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var perPair = RegularizerChange.PerPair(experiment.Case, experiment.Result.FinalStates, experiment.Starts);
        return MeanEstimate.Of(perPair.Select(v => v / experiment.Plan.Steps).ToArray());
    }

    /// <summary>Runs the experiment and judges the measured rate against the exact-S rate (leading rate in the detail).</summary>
    public static CheckResult Run(TheoryCase @case, RunPlan plan, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var experiment = ChainExperiment.Run(@case, plan with { SampleEvery = 0 }, prediction.Covariance, progress: progress);
        var rate = MeasuredRate(experiment);
        return Judge(@case, plan, prediction, rate, prediction.ExactRegChange);
    }

    /// <summary>The verdict for a measured rate against a (possibly perturbed) predicted rate.</summary>
    public static CheckResult Judge(TheoryCase @case, RunPlan plan, DriftPrediction prediction, MeanEstimate measured,
        double predictedRate)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(prediction);
        var displacement = KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, plan.Steps);
        double relativeBias = displacement.RelativeBias + OffsetCorrection.RemainderAt(@case, prediction);
        return SuiteBudget.Budget.Judge("reg_decrease", @case.Name, predictedRate, measured,
            relativeBias * Math.Abs(predictedRate),
            $"per-step change of reg(Proj_M θ) over {plan.Steps} steps × {plan.Pairs} pairs; leading {prediction.LeadingRegChange:G4}");
    }
}
