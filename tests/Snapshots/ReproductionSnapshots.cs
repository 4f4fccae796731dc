using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// The quick reproductions of docs/theory.md §4 (<c>noisedrift reproduce all --quick</c>, seed 1), run once for the class:
/// every verdict passes and obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c>; every power check (flow at half
/// speed, the σ = 0 control in place of label noise, the wrong sigmoid allocation) is rejected; and the rounded
/// verdict rows are snapshotted (derived numbers 6 significant digits, simulated 4).
/// </summary>
public sealed class ReproductionSnapshots(ReproductionSnapshots.Quick quick) : IClassFixture<ReproductionSnapshots.Quick>
{
    /// <summary>Runs the quick experiments once.</summary>
    public sealed class Quick
    {
        public MatrixSensingReproduction MatrixSensing { get; } = MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(true, 1));

        public Relu1DReproduction Relu1D { get; } = Relu1DExperiment.Run(Relu1DExperiment.Plan(true, 1));

        public SigmoidReproduction Sigmoid { get; } = SigmoidExperiment.Run(SigmoidExperiment.Plan(true, 1));

        public IEnumerable<Reproduction> All => [MatrixSensing, Relu1D, Sigmoid];
    }

    [Fact]
    public void Every_quick_verdict_passes()
    {
        var failed = quick.All.SelectMany(r => r.Verdicts).Where(v => !v.Pass).Select(v => $"{v.Check} {v.Case}: {v.Measured} vs {v.Predicted} ± {v.Tolerance}");
        Assert.Empty(failed);
    }

    [Fact]
    public void Every_row_obeys_the_verdict_rule()
    {
        foreach (var v in quick.All.SelectMany(r => r.Verdicts.Concat(r.Power.Select(p => p.Verdict))))
            Assert.True(v.Pass == Math.Abs(v.Measured - v.Predicted) <= v.Tolerance, $"{v.Check} {v.Case} breaks pass ⇔ |measured − predicted| ≤ tolerance");
    }

    [Fact]
    public void Every_power_check_rejects_its_wrong_prediction()
    {
        var kept = quick.All.SelectMany(r => r.Power).Where(p => p.Gating && !p.Rejected).Select(p => $"{p.Verdict.Case}: {p.Perturbation}");
        Assert.Empty(kept);
        Assert.Contains(quick.MatrixSensing.Power, p => p.Perturbation == "flow at half speed");
        Assert.Equal(3, quick.MatrixSensing.Power.Count(p => p.Verdict.Check == MatrixSensingRecovery.Check));
        Assert.Equal(3, quick.Relu1D.Power.Count(p => p.Perturbation == "flow at half speed"));
        Assert.Contains(quick.Sigmoid.Power, p => p.Perturbation == "wrong allocation");
        Assert.Contains(quick.Sigmoid.Power, p => p.Perturbation.StartsWith("σ = 0", StringComparison.Ordinal));
        // The along-M offset at the equal split is shown against Σφ(v*) without it (informational, docs/theory.md §4.3).
        Assert.Contains(quick.Sigmoid.Power, p => p.Informational && p.Perturbation.StartsWith("Σφ(v*) without", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sigma_zero_control_fails_every_claim_row()
    {
        // The same flow comparison with the σ = 0 control's measurement in place of label noise must fail.
        var ms = quick.MatrixSensing;
        var flow = FlowComparison.AlongFlow(ms.Runs);
        foreach (var name in new[] { "test_error", "trace", "reg" })
        {
            var gd = ms.Runs.Final(RunKind.PlainGd, name);
            Assert.False(flow.Judge("control", "ms", name, gd, flow.Predicted(name), "").Pass, name);
        }
    }

    [Fact]
    public void Matrix_sensing_recovery_is_certified_and_asserted_on_seed_1()
    {
        // Seed 1's X* is certified, so ms_recovery predicts 0 and is asserted (it has power at the quick horizon).
        var ms = quick.MatrixSensing;
        Assert.True(ms.Certificate.Certified, ms.Certificate.Verdict);
        var recovery = Assert.Single(ms.Verdicts, v => v.Check == MatrixSensingRecovery.Check);
        Assert.Equal(0, recovery.Predicted);
        Assert.DoesNotContain(ms.Verdicts, v => v.Check == "ms_gd_test_error_fixed");
    }

    [Fact]
    public void Quick_reproduction_summary()
    {
        Snapshot.Match(quick.All.SelectMany(r => r.Verdicts).Select(Row).ToList());
    }

    private static object Row(CheckResult r) => new
    {
        r.Check,
        r.Case,
        Predicted = Rounding.Four(r.Predicted),
        Measured = Math.Abs(r.Measured) < 1e-12 ? "below 1e-12" : Rounding.Four(r.Measured),
        StdErr = Rounding.Four(r.StdErr),
        r.Pass,
    };
}
