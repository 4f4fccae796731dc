using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The deep tier (<c>NOISEDRIFT_DEPTH=deep</c>, <see cref="Tier"/>): more generated cases, full batch and minibatch
/// mixed, each through the stationary OU check, the static and dynamic drift checks, the leading-order offset and the
/// power tests of THEORY.md §5, under the deep plans of <see cref="SimulationPlans"/>. In the default tier the property
/// returns at once (its cases are drawn but not simulated).
/// <para>
/// Error budget: as in <see cref="OuStationaryProperties"/>, <see cref="StaticDriftProperties"/>,
/// <see cref="DynamicDriftProperties"/> and <see cref="LeadingOrderOffsetProperties"/>: z·SE (z ≈ 6.6) plus the
/// stated bias, 100 λ_max(S) relative, and for the dynamic drift also K ||∇d||.
/// </para>
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = 10)]
public class DeepSweepProperties
{
    [Property(Arbitrary = [typeof(AnyTheoryCases)])]
    public void Every_theory_check_holds_and_has_power(TheoryDraw draw)
    {
        if (!Tier.Deep) return;
        var run = StationaryRun.Of(draw);
        var @case = run.Case;
        var exact = run.Prediction.Exact;
        SimulationAssert.AllPass(OuVerdict.Judge("ou_stationary", @case.Name, run.Ou, run.Prediction.Covariance, run.RemainderBias));
        var measured = DriftMeasurement.Static(@case, run.Prediction.Covariance, SimulationPlans.StaticPairs, SimulationPlans.Seed);
        SimulationAssert.AllPass(DriftVerdict.Judge("drift_static", @case.Name, measured, exact, run.RemainderBias));
        SimulationAssert.AllPass(DriftVerdict.Judge("drift_dynamic", @case.Name, run.Drift, exact, run.DynamicBias));
        SimulationAssert.AllPass([LeadingOrderOffset.Judge(@case.Name, run.Drift, run.Prediction, run.DynamicBias)]);

        var wrong = WrongBatch.Prediction(@case);
        foreach (var (name, perturbed) in new (string, double[])[]
                 {
                     ("sign flipped", exact.Select(v => -v).ToArray()),
                     ("factor 2", exact.Select(v => 2 * v).ToArray()),
                     ("P left out", UnprojectedDrift.Of(@case, run.Prediction.Covariance)),
                     ($"wrong batch B={wrong.Sgd.Batch}", wrong.Exact),
                 })
            SimulationAssert.Rejected(name, DriftVerdict.Judge("drift_dynamic_power", @case.Name, run.Drift, perturbed, run.DynamicBias));
        SimulationAssert.Rejected("factor 2", OuVerdict.Judge("ou_stationary_power", @case.Name, run.Ou,
            OuCovariance.Of(run.Prediction.Covariance.Matrix * 2, "exact ×2"), run.RemainderBias));
        SimulationAssert.Rejected($"wrong batch B={wrong.Sgd.Batch}", OuVerdict.Judge("ou_stationary_power", @case.Name, run.Ou,
            wrong.Covariance, run.RemainderBias));
    }
}
