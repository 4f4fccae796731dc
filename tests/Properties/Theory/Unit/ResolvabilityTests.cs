using NoiseDrift.Cli.Output;
using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>docs/theory.md §5.1: the not-resolvable rule, and how such a row is written and read back.</summary>
public sealed class ResolvabilityTests
{
    private static readonly ErrorBudget Budget = SuiteBudget.Budget;

    [Fact]
    public void A_bound_above_both_the_noise_and_the_effect_is_not_asserted()
    {
        var row = Resolvability.Assess(Budget.Judge("reg_decrease", "c", 1e-6, 1.2e-6, 1e-8, 2e-6));
        Assert.False(row.Asserted);
        Assert.False(row.Fails);
        Assert.Contains("not resolvable", row.NotAsserted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-6, 1e-8, 5e-7)]   // bound below the effect
    [InlineData(1e-6, 1e-6, 2e-6)]   // bound below the noise allowance z·SE
    [InlineData(0, 0, 0)]            // an exact row with no bound
    public void Otherwise_the_row_is_asserted_and_unchanged(double predicted, double stdErr, double bias)
    {
        var judged = Budget.Judge("reg_decrease", "c", predicted, predicted * 1.01, stdErr, bias);
        Assert.Same(judged, Resolvability.Assess(judged));
    }

    [Fact]
    public void A_failing_row_that_is_not_asserted_does_not_fail_and_round_trips_through_json()
    {
        var row = Resolvability.Assess(Budget.Judge("slow_flow_reg", "c", -1e-3, 1.0, 1e-6, 2e-3));
        Assert.False(row.Pass);
        Assert.False(row.Fails);
        string line = CheckJson.Line(row);
        Assert.Contains("\"pass\":false", line, StringComparison.Ordinal);
        Assert.Contains("\"not_asserted\":", line, StringComparison.Ordinal);
        var back = CheckJson.Read(line);
        Assert.Equal(row.NotAsserted, back.NotAsserted);
        Assert.False(back.Pass);
        Assert.DoesNotContain("not_asserted", CheckJson.Line(Budget.Judge("x", "c", 1, 1, 0.1)), StringComparison.Ordinal);
    }
}
