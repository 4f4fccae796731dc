using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// <c>noisedrift reproduce sparse-regression --quick</c>, seed 1 (docs/theory.md §7), run once for the class: every
/// verdict passes and obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c>; every power check (the OU floor
/// doubled, no floor, GD and Gaussian gradient noise in place of label noise; the Lasso limit's ⟨h̄, β⟩ at 2δ̄ and
/// δ̄ = 0, its off-support rate at 2δ̄ and δ̄/2, docs/theory.md §7.1) is rejected; the rounded rows are snapshotted.
/// </summary>
public sealed class SparseRegressionSnapshots(SparseRegressionSnapshots.Quick quick) : IClassFixture<SparseRegressionSnapshots.Quick>
{
    /// <summary>Runs the quick experiment once.</summary>
    public sealed class Quick
    {
        public SparseRegressionReproduction Result { get; } = SparseRegressionExperiment.Run(true, 1);
    }

    [Fact]
    public void Every_verdict_passes_and_every_power_check_rejects()
    {
        Assert.All(quick.Result.Verdicts, v => Assert.True(v.Pass, $"{v.Check}: {v.Measured} vs {v.Predicted} ± {v.Tolerance}"));
        Assert.All(quick.Result.Power, p => Assert.True(p.Rejected, $"{p.Perturbation} not rejected"));
        Assert.Equal(9, quick.Result.Power.Count);
        foreach (var v in quick.Result.Verdicts.Concat(quick.Result.Power.Select(p => p.Verdict)))
            Assert.True(v.Pass == Math.Abs(v.Measured - v.Predicted) <= v.Tolerance, $"{v.Check} breaks the verdict rule");
    }

    [Fact]
    public void Sparse_regression_quick_summary()
    {
        Snapshot.Match(quick.Result.Verdicts.Concat(quick.Result.Power.Select(p => p.Verdict)).Select(Row).ToList());
    }

    private static object Row(CheckResult r) => new
    {
        r.Check,
        r.Case,
        Predicted = Rounding.Four(r.Predicted),
        Measured = Rounding.Four(r.Measured),
        StdErr = Rounding.Four(r.StdErr),
        r.Pass,
    };
}
