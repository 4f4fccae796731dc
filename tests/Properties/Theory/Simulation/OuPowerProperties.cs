using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// Power of the stationary OU check (docs/theory.md §5): the same measurement that accepts the exact S
/// (<see cref="OuStationaryProperties"/>) rejects, in at least one verdict (an eigen-direction or the trace), S off by a
/// factor 2 and the exact S for a wrong batch size (<see cref="WrongBatch"/>).
/// <para>
/// Error budget: unchanged, <c>z·SE + 100 λ_max(S)·|perturbed value|</c>, z ≈ 6.6.
/// </para>
/// </summary>
public sealed class OuPowerProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) => RejectAll(StationaryRuns.Of(draw));

    private static void RejectAll(StationaryExperiment run)
    {
        var s = run.Prediction.Covariance;
        Reject(run, "factor 2", OuCovariance.Of(s.Matrix * 2, "exact ×2"));
        var wrong = WrongBatch.Prediction(run.Case);
        Reject(run, $"wrong batch B={wrong.Sgd.Batch}", wrong.Covariance);
    }

    private static void Reject(StationaryExperiment run, string perturbation, OuCovariance perturbed) =>
        SimulationAssert.Rejected(perturbation, run.JudgeOu("ou_stationary_power", perturbed));
}
