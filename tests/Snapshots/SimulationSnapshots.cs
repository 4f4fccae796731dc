using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// A small canonical simulation (THEORY.md §2–§3) on the named case, tanh 2-[5]-1 with n = 3 and full batch: the
/// OU and dynamic-drift verdicts from 200 antithetic pairs × 400 steps, seed 1, judged with the same bias bounds as
/// <see cref="TheoryBattery.Run"/>. The simulator is bit-reproducible for a seed whatever the thread count; simulated
/// numbers are kept to 4 significant digits.
/// </summary>
public sealed class SimulationSnapshots
{
    [Fact]
    public void Named_case_small_simulation()
    {
        var @case = TheoryBattery.BuiltInCases(1)[0];
        var plan = new SimulationPlan(200, 400, 20, 1);
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var experiment = ChainExperiment.Run(@case, plan, prediction.Covariance);
        double remainder = SuiteBudget.RemainderBound(prediction.Covariance);
        double dynamicBias = KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, plan.Steps).RelativeBias + remainder;
        var verdicts = OuVerdict.Judge("ou", @case.Name, OuMeasurement.Stationary(experiment), prediction.Covariance, remainder)
            .Concat(DriftVerdict.Judge("drift_dynamic", @case.Name, DriftMeasurement.RaoBlackwell(experiment), prediction.Exact, dynamicBias));
        Snapshot.Match(verdicts.Select(Row).ToList());
    }

    private static object Row(CheckResult r) => new
    {
        r.Check,
        Predicted = Rounding.Six(r.Predicted),
        Measured = Rounding.Four(r.Measured),
        StdErr = Rounding.Four(r.StdErr),
        r.Pass,
    };
}
