using System.Globalization;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Long horizon (docs/theory.md §3, "Slow flow"): label-noise SGD mapped to M tracks <c>reg</c> along the slow flow
/// <c>dθ/dt = −¼ P∇reg</c>, <c>t = η²σ²k/B</c>. Chains start stationary at θ*; at evenly spaced snapshots the per-pair
/// mean of <c>reg(Φ θ_k) − reg(Φ θ_0)</c> is compared with <c>reg(Φ θ̄_k) − reg(θ*)</c> along the mean path
/// (docs/theory.md §3.9–§3.10), which carries the exact S and evolves the mean normal offset with the flow, nonlinear
/// terms included; the leading-order flow's <c>reg(θ(t)) − reg(θ*)</c> is stated beside it. Φ is the limit of the
/// Gauss–Newton flow (<see cref="ProjectedObservable.AtFlowLimit"/>, docs/theory.md §3.11), a smooth map onto M even
/// where the offset puts the chains beyond the reach of M and the Gauss–Newton iteration jumps between branches. Error budget: z·SE over
/// pairs plus the stated remainder <see cref="OffsetCorrection.Remainder(double, double, double)"/> times the predicted
/// change; a snapshot whose remainder it cannot resolve is not asserted (<see cref="Resolvability"/>), and the worst
/// snapshot is taken over the asserted ones.
/// </summary>
public static class SlowFlowCheck
{
    /// <summary>Runs K ≈ t B/(η²σ²) steps in <paramref name="snapshots"/> segments and judges the final and the worst snapshot.</summary>
    public static IReadOnlyList<CheckResult> Run(TheoryCase @case, double duration, int pairs, int snapshots, ulong seed,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        int every = (int)Math.Ceiling(@case.Sgd.StepsFor(duration) / snapshots);
        var plan = RunPlan.Antithetic(pairs, every * snapshots, every, seed);
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        double flowTime = @case.Sgd.SlowTime(plan.Steps);
        var flow = RiemannianSlowFlow.Integrate(@case.Model, @case.Theta, @case.Data, flowTime, 4 * snapshots, 4);
        var experiment = ChainExperiment.Run(@case, plan, prediction.Covariance, progress: progress);
        var steps = plan.SnapshotSteps();
        double remainder = OffsetCorrection.RemainderAt(@case, prediction);
        var path = MeanPath.Run(@case, prediction.Covariance, plan.Steps, steps, Math.Max(1, plan.Steps / 50));
        var verdicts = new List<CheckResult>();
        var starts = RegularizerChange.PerChain(@case, experiment.Starts, flowLimit: true);
        for (int s = 0; s < snapshots; s++)
        {
            var change = MeanEstimate.Of(RegularizerChange.PerPair(RegularizerChange.PerChain(@case, experiment.Result.Snapshots[s], flowLimit: true), starts));
            double leading = flow.Regs[s + 1] - flow.Regs[0];
            double predicted = ProjectedObservable.Reg(@case.Model, @case.Data).AtFlowLimit(@case.Model, @case.Data, path[s]) - prediction.Regularizer.Reg;
            double bias = OffsetCorrection.Remainder(remainder, predicted, leading) * Math.Abs(predicted);
            double tolerance = SuiteBudget.Budget.Tolerance(change, bias);
            verdicts.Add(Resolvability.Assess(SuiteBudget.Budget.Judge("slow_flow_reg", @case.Name, predicted, change, bias,
                string.Create(CultureInfo.InvariantCulture,
                    $"Δreg(Φ θ) at t = {flow.Times[s + 1]:G3} (k = {steps[s]}) vs the mean path; the leading-order slow " +
                    $"flow {leading:G4} is {VerdictRule.Ratio(leading, change.Mean, tolerance):G3} tolerances away; {pairs} pairs; remainder ε₀ = {remainder:G3}"))));
        }
        var asserted = verdicts.Where(v => v.Asserted).ToList();
        var worst = asserted.Count > 0 ? asserted[WorstComponent.Of(asserted)] : verdicts[WorstComponent.Of(verdicts)];
        return [verdicts[^1], worst with { Check = "slow_flow_reg_worst_snapshot" }];
    }
}
