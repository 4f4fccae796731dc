using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Run;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// The power of <c>certify</c>'s statistical <c>run</c> verdict (docs/theory.md §5): for every run case of every tier, each
/// wrong step rule of the issue is rejected with probability ≥ 1 − 1e-6 (<see cref="RunPower"/>).
/// </summary>
public sealed class RunPowerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CertificationTier.Quick)]
    [InlineData(CertificationTier.Standard)]
    public void EveryWrongRuleIsRejectedWithProbabilityAtLeastOneMinusOneInAMillion(CertificationTier tier)
    {
        foreach (var run in Certifier.RunCases(tier))
        {
            foreach (var power in RunPower.Against(run))
            {
                output.WriteLine($"{run.Name}: {power.Rule.Name}: margin {power.Margin:0.0} SE on {power.Row} " +
                                 $"({power.Shift:0.0} tolerances out), P(reject) >= 1 - {1 - power.Probability:0.0e0}");
                Assert.True(power.Margin >= RunPower.RequiredMargin,
                    $"{run.Name}: power against '{power.Rule.Name}' is only Phi({power.Margin:0.00})");
            }
        }
    }

    [Fact]
    public void EnumeratedSecondMomentsMatchTheSecondMomentMapRecursion()
    {
        var run = Certifier.RunCases(CertificationTier.Quick)[0];
        var c = run.Case;
        var frame = NoiseDrift.Theory.Geometry.NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        foreach (var rule in StepRule.Wrong(c.Count, c.Batch).Prepend(StepRule.Correct))
        {
            var recursion = rule.Moments(frame, c.Sgd, run.Run.Steps).Final;
            var enumerated = ChainMoments.Of(rule, frame, c.Sgd, run.Run.Steps).Second;
            Assert.True((recursion - enumerated).FrobeniusNorm() <= 1e-12 * recursion.FrobeniusNorm(), rule.Name);
        }
    }
}
