using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Run;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// The run judge is pinned (docs/theory.md §5): every <c>run</c> row's tolerance is exactly <c>z·SE + bias</c>, z the
/// suite's and the bias the stated remainder <see cref="SuiteBudget.RemainderBound"/> of the predicted <c>S_K</c> times
/// the prediction. With <see cref="RunPowerTests"/> (whose power is computed from the judge's own rows) a weaker judge
/// goes red: doubling the tolerance in <see cref="RunJudge.Row"/> fails both.
/// </summary>
public sealed class RunJudgePinTests
{
    [Fact]
    public void EveryRunRowsToleranceIsZTimesSePlusTheStatedBias()
    {
        var run = Certifier.RunCases(CertificationTier.Quick)[0];
        var c = run.Case;
        var frame = NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        var predicted = RunPrediction.Of(run, frame, StepRule.Correct);
        Assert.Equal(SuiteBudget.RemainderBound(predicted.Covariance), predicted.RelativeBias);
        var random = new System.Random(7);
        var finals = Enumerable.Range(0, 200).Select(_ =>
        {
            var u = frame.Embed(Enumerable.Range(0, frame.Count).Select(_ => 3e-3 * (random.NextDouble() - 0.5)).ToArray());
            return c.Theta.Select((t, k) => t + u[k] + 1e-4 * (random.NextDouble() - 0.5)).ToArray();
        }).ToArray();
        var rows = RunJudge.Judge(run, finals);
        Assert.Equal(frame.Count + 2, rows.Count);
        foreach (var r in rows)
        {
            Assert.True(r.StdErr > 0, r.Check);
            double pinned = SuiteBudget.Budget.Z * r.StdErr + predicted.RelativeBias * Math.Abs(r.Predicted);
            Assert.True(Math.Abs(r.Tolerance - pinned) <= 1e-15 * pinned, $"{r.Check}: tolerance {r.Tolerance:R}, z·SE + bias {pinned:R}");
        }
    }
}
