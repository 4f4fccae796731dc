using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Run;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// The power of <c>certify</c>'s statistical <c>run</c> verdict (THEORY.md §5): for every run case of every tier, each
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
}
