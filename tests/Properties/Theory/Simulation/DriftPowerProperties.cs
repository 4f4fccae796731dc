using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// Power of the dynamic drift check (docs/theory.md §5): the same measurement that accepts the exact-S drift
/// (<see cref="DynamicDriftProperties"/>) rejects, in at least one verdict (along d/|d| or per component), each
/// perturbed prediction: the sign flipped, a factor 2, P left out (<see cref="UnprojectedDrift"/>), and the exact
/// prediction for a wrong batch size (<see cref="WrongBatch"/>).
/// <para>
/// Error budget: unchanged, <c>z·SE + (K ||∇d|| + 100 λ_max(S))·|d_perturbed|</c>, z ≈ 6.6 — the bias allowance
/// grows with the perturbed prediction, so a rejection is never due to a smaller allowance.
/// </para>
/// </summary>
public sealed class DriftPowerProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) => RejectAll(StationaryRuns.Of(draw));

    private static void RejectAll(StationaryExperiment run)
    {
        var exact = run.Prediction.Exact;
        Reject(run, "sign flipped", exact.Select(v => -v).ToArray());
        Reject(run, "factor 2", exact.Select(v => 2 * v).ToArray());
        Reject(run, "P left out", UnprojectedDrift.Of(run.Case, run.Prediction.Covariance));
        var wrong = WrongBatch.Prediction(run.Case);
        Reject(run, $"wrong batch B={wrong.Sgd.Batch}", wrong.Exact);
    }

    private static void Reject(StationaryExperiment run, string perturbation, double[] perturbed) =>
        SimulationAssert.Rejected(perturbation, run.JudgeDynamicDrift("drift_dynamic_power", perturbed));
}
