using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// A small canonical simulation (docs/theory.md §2–§3) on the named case, tanh 2-[5]-1 with n = 3 and full batch: the
/// OU and dynamic-drift verdicts of the <see cref="StationaryExperiment"/> with 200 antithetic pairs × 400 steps,
/// seed 1, the pipeline <see cref="TheoryBattery.Run"/> uses. The simulator is bit-reproducible for a seed whatever the thread count; simulated
/// numbers are kept to 4 significant digits.
/// </summary>
public sealed class SimulationSnapshots
{
    [Fact]
    public void Named_case_small_simulation()
    {
        var @case = TheoryBattery.BuiltInCases(1)[0];
        var experiment = StationaryExperiment.Prepare(@case, RunPlan.Antithetic(200, 400, 20, 1));
        var verdicts = experiment.JudgeOu().Concat(experiment.JudgeDynamicDrift());
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
