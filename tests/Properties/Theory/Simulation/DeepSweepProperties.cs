using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The deep tier (<c>NOISEDRIFT_DEPTH=deep</c>, <see cref="Tier"/>): more generated cases, full batch and minibatch
/// mixed, each through the stationary OU check, the static and dynamic drift checks, the leading-order offset and the
/// power tests of docs/theory.md §5, under the deep plans of <see cref="SimulationPlans"/>. In the default tier the property
/// is skipped and reported as skipped (<see cref="DeepFactAttribute"/>).
/// <para>
/// Error budget: as in <see cref="OuStationaryProperties"/>, <see cref="StaticDriftProperties"/>,
/// <see cref="DynamicDriftProperties"/> and <see cref="LeadingOrderOffsetProperties"/>: z·SE (z ≈ 6.6) plus the
/// stated bias, 100 λ_max(S) relative, and for the dynamic drift also K ||∇d||.
/// </para>
/// </summary>
public class DeepSweepProperties
{
    /// <summary>Generated cases in the sweep.</summary>
    public const int Cases = 10;

    [DeepFact]
    public void Every_theory_check_holds_and_has_power() =>
        Check.One(PropertyConfig.Checked(Cases), Prop.ForAll(AnyTheoryCases.Draws(), (Action<TheoryDraw>)Sweep));

    private static void Sweep(TheoryDraw draw)
    {
        var run = StationaryRuns.Of(draw);
        var @case = run.Case;
        var exact = run.Prediction.Exact;
        SimulationAssert.AllPass(run.JudgeOu("ou_stationary"));
        SimulationAssert.AllPass(run.JudgeStaticDrift(SimulationPlans.StaticPairs, SimulationPlans.Seed));
        SimulationAssert.AllPass(run.JudgeDynamicDrift());
        SimulationAssert.AllPass([run.JudgeLeadingOrderOffset()]);

        var wrong = WrongBatch.Prediction(@case);
        foreach (var (name, perturbed) in new (string, double[])[]
                 {
                     ("sign flipped", exact.Select(v => -v).ToArray()),
                     ("factor 2", exact.Select(v => 2 * v).ToArray()),
                     ("P left out", UnprojectedDrift.Of(@case, run.Prediction.Covariance)),
                     ($"wrong batch B={wrong.Sgd.Batch}", wrong.Exact),
                 })
            SimulationAssert.Rejected(name, run.JudgeDynamicDrift("drift_dynamic_power", perturbed));
        SimulationAssert.Rejected("factor 2",
            run.JudgeOu("ou_stationary_power", OuCovariance.Of(run.Prediction.Covariance.Matrix * 2, "exact ×2")));
        SimulationAssert.Rejected($"wrong batch B={wrong.Sgd.Batch}", run.JudgeOu("ou_stationary_power", wrong.Covariance));
    }
}
