using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Stability;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Stability (docs/theory.md §3): a point θ* with <c>P∇reg ≠ 0</c> repels along <c>−P∇reg</c>; where the slow flow has
/// converged (<c>P∇reg ≈ 0</c>) the drift vanishes. The check integrates the flow from θ* for a long time, then
/// measures the drift at the limit point θ_∞: it must match the exact-S prediction there (which is tiny), also along
/// the direction of the drift predicted at the start, which would stand many tolerances away. The classification and margin of both points are reported.
/// Error budget: as <see cref="DriftVerdict"/>.
/// </summary>
public static class FlowLimitCheck
{
    /// <summary>Integrates the flow over <paramref name="flowTime"/> and judges the drift at its end.</summary>
    public static IReadOnlyList<CheckResult> Run(TheoryCase @case, double flowTime, int flowSteps, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var flow = RiemannianSlowFlow.Integrate(@case.Model, @case.Theta, @case.Data, flowTime, flowSteps, flowSteps);
        var limit = @case.At(flow.Final, $"{@case.Name} at flow limit t={flowTime:G3}");
        var start = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var there = TangentDrift.At(limit.Model, limit.Theta, limit.Data, limit.Sgd);
        var before = StabilityClassification.Classify(start.Regularizer);
        var after = StabilityClassification.Classify(there.Regularizer);
        var measured = DriftMeasurement.RaoBlackwell(ChainExperiment.Run(limit, plan with { SampleEvery = 0 }, there.Covariance));
        double bias = OffsetCorrection.RemainderAt(limit, there);
        var results = new List<CheckResult>
        {
            VerdictRule.Exact("stability_margin", @case.Name, 0, after.Margin, 1e-3 * before.Margin,
                $"||P∇reg||/||∇reg|| after the flow (predicted 0 at the limit; {after.Kind}), within 1/1000 of its value " +
                $"{before.Margin:G3} at θ* ({before.Kind})"),
        };
        results.AddRange(DriftVerdict.Judge("drift_at_flow_limit", limit.Name, measured, there.Exact, bias));
        results.Add(RejectedEffectVerdict.Judge("drift_at_flow_limit_vanishes", limit.Name, measured, there.Exact, start.Exact,
            bias, "the drift of the starting point"));
        return results;
    }
}
