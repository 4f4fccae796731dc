using System.Globalization;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The regularizer-decrease check at next order, with the offset it predicts (docs/theory.md §3.9–§3.10). K steps from
/// the stationary start; the per-pair mean of <c>[reg(Proj θ_K) − reg(Proj θ_0)] / K</c> is judged against the reg
/// change of the moving mean, <c>[reg(Proj_M θ̄_K) − reg(θ*)]/K</c> (which is
/// <c>(1/K) Σ_k ∇reg · d′(m_k) + [reg(Proj_M(θ* + m_K)) − reg(θ*)]/K</c> to this order); the θ*-fixed exact-S rate
/// <c>∇reg · d_exact</c> and the leading rate are stated beside it. The same chains give the <c>ou_mean_*</c> rows at
/// k = K and k = K/2. Error budget: z·SE over pairs plus the stated remainder <see cref="OffsetCorrection.Remainder(double, double)"/>.
/// </summary>
public static class CorrectedRegularizerDecrease
{
    /// <summary>Runs the chains (one snapshot at K/2) and the mean path, and judges both.</summary>
    public static IReadOnlyList<CheckResult> Run(TheoryCase @case, RunPlan plan, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(plan);
        int steps = plan.Steps, half = Math.Max(1, plan.Steps / 2);
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var experiment = ChainExperiment.Run(@case, plan with { SampleEvery = half }, prediction.Covariance, progress: progress);
        var correction = OffsetCorrection.Predict(@case, prediction, half < steps ? [half, steps] : [steps]);
        var rate = RegularizerDecreaseCheck.MeasuredRate(experiment);
        var results = new List<CheckResult> { JudgeRate(@case, plan, correction, rate) };
        int end = correction.Steps.Count - 1;
        results.AddRange(JudgeOffset(correction, end, MeanOffsetMeasurement.PerPair(@case, experiment.Result.FinalStates), ""));
        if (end > 0)
            results.AddRange(JudgeOffset(correction, 0, MeanOffsetMeasurement.PerPair(@case, experiment.Result.Snapshots[0]), "_half"));
        return results;
    }

    /// <summary>The <c>reg_decrease</c> row: the measured rate against the corrected rate, the θ*-fixed rates in the detail.</summary>
    public static CheckResult JudgeRate(TheoryCase @case, RunPlan plan, OffsetCorrection correction, MeanEstimate rate)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(rate);
        var prediction = correction.Prediction;
        double corrected = correction.RegRate(correction.Steps.Count - 1);
        double fixedRate = prediction.ExactRegChange;
        double bias = correction.Remainder(corrected, fixedRate) * Math.Abs(corrected);
        double tolerance = SuiteBudget.Budget.Tolerance(rate, bias);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"per-step change of reg(Proj_M θ) over {plan.Steps} steps × {plan.Pairs} pairs vs the moving mean (offset " +
            $"|m_∞| = {correction.Offset.Size:G3}, √λ_max(S) = {Math.Sqrt(prediction.Covariance.Eigenvalues[^1]):G3}); " +
            $"θ*-fixed exact-S {fixedRate:G4} ({VerdictRule.Ratio(fixedRate, rate.Mean, tolerance):G3} tolerances away), " +
            $"leading {prediction.LeadingRegChange:G4}; remainder ε₀ = max(C λ_max(S), ε₄) + 3γ = {correction.BaseRemainder:G3} (γ = {correction.Gamma:G3})");
        return Resolvability.Assess(SuiteBudget.Budget.Judge("reg_decrease", @case.Name, corrected, rate, bias, detail));
    }

    /// <summary>The <c>ou_mean_*</c> rows at <see cref="OffsetCorrection.Steps"/>[s] (docs/theory.md §3.9).</summary>
    public static IReadOnlyList<CheckResult> JudgeOffset(OffsetCorrection correction, int s, IReadOnlyList<double[]> perPair,
        string suffix)
    {
        ArgumentNullException.ThrowIfNull(correction);
        int step = correction.Steps[s];
        var predicted = correction.NormalOffsetAt(s);
        var linear = correction.Offset.AtStep(step);
        double size = Vectors.Norm(predicted);
        double gap = Vectors.Norm(predicted.Zip(linear, (a, b) => a - b).ToArray());
        double relative = size == 0 ? 0 : correction.BaseRemainder * (Vectors.Norm(linear) + gap) / size;
        return MeanOffsetVerdict.Judge(correction.Case.Name, perPair, predicted, correction.Offset, step, relative, suffix);
    }
}
