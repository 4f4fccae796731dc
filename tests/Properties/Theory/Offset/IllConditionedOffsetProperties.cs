using FsCheck.Xunit;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Offset;

/// <summary>
/// docs/theory.md §3.9–§3.10 on ill-conditioned cases (<see cref="IllConditionedTheoryCases"/>, λ_min/λ_max(G) from
/// 1e-4 to 1e-2): K = 3000 steps from the stationary start, 100 antithetic pairs. The corrected predictions hold —
/// <c>reg_decrease</c> against the moving mean, the <c>ou_mean_*</c> rows against the mean path, the window drift
/// against <c>(1/K) Σ_k d′(m_k)</c> — and the uncorrected ones are rejected: the leading theory's <c>m = 0</c> on
/// <c>ou_mean_along</c>, and the θ*-fixed rate on <c>reg_decrease</c> wherever the prediction itself says the two
/// differ by more than twice the row's tolerance. Error budget: z·SE over pairs (z ≈ 6.6) plus the stated remainder
/// <see cref="OffsetCorrection.Remainder(double, double)"/>.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = 4)]
public sealed class IllConditionedOffsetProperties
{
    private static readonly RunPlan Plan = RunPlan.Antithetic(100, 3000, 0, 20200701);

    [Property(Arbitrary = [typeof(IllConditionedTheoryCases)])]
    public void Corrected_predictions_hold_where_the_uncorrected_are_rejected(TheoryDraw draw)
    {
        var @case = draw.Case;
        var rows = CorrectedRegularizerDecrease.Run(@case, Plan);
        CheckAssert.Require(rows.All(r => r.Pass), "a corrected row failed", rows);

        var along = rows.Single(r => r.Check == "ou_mean_along");
        CheckAssert.Require(Math.Abs(along.Measured) > along.Tolerance, "the leading theory's m = 0 was not rejected", rows);

        var reg = rows.Single(r => r.Check == "reg_decrease");
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        double fixedRate = prediction.ExactRegChange;
        if (Math.Abs(reg.Predicted - fixedRate) > 2 * reg.Tolerance)
            CheckAssert.Require(VerdictRule.Ratio(fixedRate, reg.Measured, reg.Tolerance) > 1, "the θ*-fixed reg rate was not rejected", rows);

        var drift = StationaryExperiment.Prepare(@case, Plan with { Chains = 600, Steps = 600 });
        CheckAssert.Require(CorrectedDrift.Judge(drift).All(r => r.Pass), "a corrected drift row failed", CorrectedDrift.Judge(drift));
    }
}
