using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Long horizon (THEORY.md §3, "Slow flow"): label-noise SGD projected to M tracks <c>reg</c> along the slow flow
/// <c>dθ/dt = −¼ P∇reg</c>, <c>t = η²σ²k/B</c>. Chains start stationary at θ*; at evenly spaced snapshots the per-pair
/// mean of <c>reg(Proj θ_k) − reg(Proj θ_0)</c> is compared with <c>reg(θ(t)) − reg(θ*)</c> along the integrated flow.
/// Error budget: z·SE over pairs, plus a stated bias <c>(2|ρ − 1| + C λ_max(S)) · |Δreg_flow|</c>, where
/// <c>ρ = (∇reg·d_exact)/(∇reg·d_lead)</c> at θ* is the finite-η correction the leading-order flow leaves out.
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
        double rho = prediction.ExactRegChange / prediction.LeadingRegChange;
        double relativeBias = 2 * Math.Abs(rho - 1) + SuiteBudget.RemainderBound(prediction.Covariance);
        var verdicts = new List<CheckResult>();
        for (int s = 0; s < snapshots; s++)
        {
            var change = MeanEstimate.Of(RegularizerChange.PerPair(@case, experiment.Result.Snapshots[s], experiment.Starts));
            double predicted = flow.Regs[s + 1] - flow.Regs[0];
            verdicts.Add(SuiteBudget.Budget.Judge("slow_flow_reg", @case.Name, predicted, change.Mean, change.StdErr,
                relativeBias * Math.Abs(predicted),
                $"Δreg(Proj θ) at t = {flow.Times[s + 1]:G3} (k = {plan.SnapshotSteps()[s]}) vs the slow flow; {pairs} pairs"));
        }
        var worst = verdicts.OrderByDescending(v => Math.Abs(v.Measured - v.Predicted) - v.Tolerance).First();
        return [verdicts[^1], worst with { Check = "slow_flow_reg_worst_snapshot", Pass = verdicts.All(v => v.Pass) }];
    }
}
