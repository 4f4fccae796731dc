using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verification;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// Power of the stationary OU check (THEORY.md §5): the same measurement that accepts the exact S
/// (<see cref="OuStationaryProperties"/>) rejects, in at least one verdict (an eigen-direction or the trace), S off by a
/// factor 2 and the exact S for a wrong batch size (<see cref="WrongBatch"/>).
/// <para>
/// Error budget: unchanged, <c>z·SE + 100 λ_max(S)·|perturbed value|</c>, z ≈ 6.6.
/// </para>
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = SimulationPlans.Cases)]
public class OuPowerProperties
{
    [Property(Arbitrary = [typeof(MlpFullBatchTheoryCases)])]
    public void Mlp_full_batch_ou_check_rejects_perturbed_covariances(TheoryDraw draw) => RejectAll(StationaryRun.Of(draw));

    [Property(Arbitrary = [typeof(DagFullBatchTheoryCases)])]
    public void Dag_full_batch_ou_check_rejects_perturbed_covariances(TheoryDraw draw) => RejectAll(StationaryRun.Of(draw));

    [Property(Arbitrary = [typeof(MlpMinibatchTheoryCases)])]
    public void Mlp_minibatch_ou_check_rejects_perturbed_covariances(TheoryDraw draw) => RejectAll(StationaryRun.Of(draw));

    [Property(Arbitrary = [typeof(DagMinibatchTheoryCases)])]
    public void Dag_minibatch_ou_check_rejects_perturbed_covariances(TheoryDraw draw) => RejectAll(StationaryRun.Of(draw));

    private static void RejectAll(StationaryRun run)
    {
        var s = run.Prediction.Covariance;
        Reject(run, "factor 2", OuCovariance.Of(s.Matrix * 2, "exact ×2"));
        var wrong = WrongBatch.Prediction(run.Case);
        Reject(run, $"wrong batch B={wrong.Sgd.Batch}", wrong.Covariance);
    }

    private static void Reject(StationaryRun run, string perturbation, OuCovariance perturbed) =>
        SimulationAssert.Rejected(perturbation,
            OuVerdict.Judge("ou_stationary_power", run.Case.Name, run.Ou, perturbed, run.RemainderBias));
}
