using FsCheck.Xunit;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// docs/theory.md §2 "Transient from u_0 = 0, full batch": chains started at θ* have, after k steps, normal covariance
/// <c>S_k = S − (I − ηG)^k S (I − ηG)^k</c>. The snapshot k ≈ 0.35/(ηλ_min) is taken where the slowest direction is
/// still missing 25–60% of its stationary variance (<see cref="SimulationPlans.TransientStep"/>). Power: the same
/// measurement rejects the stationary S itself.
/// <para>
/// Error budget: per eigenvector of S_k and for tr S_k, <c>|measured − predicted| ≤ z·SE + 100 λ_max(S)·|predicted|</c>,
/// z ≈ 6.6 (<see cref="SuiteBudget"/>); SE over independent antithetic pairs at the one snapshot.
/// </para>
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = SimulationPlans.Cases)]
public class OuTransientProperties
{
    [Property(Arbitrary = [typeof(MlpFullBatchTheoryCases)])]
    public void Mlp_full_batch_covariance_from_the_center_follows_the_transient(TheoryDraw draw) => Judge(draw.Case);

    [Property(Arbitrary = [typeof(DagFullBatchTheoryCases)])]
    public void Dag_full_batch_covariance_from_the_center_follows_the_transient(TheoryDraw draw) => Judge(draw.Case);

    private static void Judge(TheoryCase @case)
    {
        int k = SimulationPlans.TransientStep(@case);
        var plan = RunPlan.Antithetic(SimulationPlans.TransientPairs, k, k, SimulationPlans.Seed);
        var experiment = ChainExperiment.Run(@case, plan, fromCenter: true);
        var predicted = TransientCovariance.FullBatch(@case.Frame, @case.Sgd, k);
        double remainder = SuiteBudget.RemainderBound(StationaryCovariance.FullBatch(@case.Frame, @case.Sgd));
        var measured = OuMeasurement.AtSnapshot(experiment, 0);
        SimulationAssert.AllPass(OuVerdict.Judge("ou_transient", @case.Name, measured, predicted, remainder));
        Assert.InRange(SimulationPlans.TransientDeficit(@case, k), 0.2, 0.65);
        SimulationAssert.Rejected("stationary S before relaxation", OuVerdict.Judge("ou_transient_power", @case.Name, measured,
            StationaryCovariance.FullBatch(@case.Frame, @case.Sgd), remainder));
    }
}
