using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Every verdict one stationary run can carry on its own chains (docs/theory.md §2, §3.9–§3.10): the OU covariance per
/// eigen-direction and its trace, the window drift against the corrected drift of the moving mean, the per-step change
/// of reg(Proj_M θ) against the reg change of the moving mean, and the mean normal offset at the window's end. The
/// θ*-fixed predictions stay in each row's detail, so a moving-base-point gap is told apart from a bug. This is what
/// <c>noisedrift simulate</c> judges its run with.
/// </summary>
public static class StationaryRunVerdicts
{
    /// <summary>The verdicts of <paramref name="experiment"/>'s chains, in the order OU, drift, reg change, offset.</summary>
    public static IReadOnlyList<CheckResult> Judge(StationaryExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var results = new List<CheckResult>(experiment.JudgeOu());
        results.AddRange(CorrectedDrift.Judge(experiment));
        var chains = experiment.Chains;
        var correction = OffsetCorrection.Predict(experiment.Case, experiment.Prediction, [experiment.Plan.Steps]);
        results.Add(CorrectedRegularizerDecrease.JudgeRate(experiment.Case, experiment.Plan, correction,
            RegularizerDecreaseCheck.MeasuredRate(chains)));
        results.AddRange(CorrectedRegularizerDecrease.JudgeOffset(correction, 0,
            MeanOffsetMeasurement.PerPair(experiment.Case, chains.Result.FinalStates), ""));
        return results;
    }
}
