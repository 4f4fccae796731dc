using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>A verdict stays asserted only while its own power checks reject (PoweredVerdicts, docs/theory.md §5).</summary>
public sealed class PoweredVerdictsTests
{
    private static CheckResult Row(string check, string @case, bool pass) => new(check, @case, 1, 1, 0, 0, 0.1, pass, "read at T");

    private static PowerResult Power(string check, string @case, bool rejected, string what = "σ = 0 control") =>
        new(what, Row(check, @case, pass: !rejected));

    [Fact]
    public void A_verdict_whose_power_checks_all_reject_stays_with_them()
    {
        var (verdicts, power, reported) = PoweredVerdicts.Split([Row("reg_vs_flow", "a", true)],
            [Power("reg_vs_flow", "a", true), Power("reg_vs_flow", "a", true, "half speed")]);
        Assert.Single(verdicts);
        Assert.Equal(2, power.Count);
        Assert.Empty(reported);
    }

    [Fact]
    public void A_verdict_with_an_unrejected_power_check_is_reported_with_its_reason()
    {
        var (verdicts, power, reported) = PoweredVerdicts.Split([Row("reg_vs_flow", "a", true), Row("reg_vs_flow", "b", true)],
            [Power("reg_vs_flow", "a", true, "half speed"), Power("reg_vs_flow", "a", false), Power("reg_vs_flow", "b", true)]);
        Assert.Equal("b", Assert.Single(verdicts).Case);
        Assert.Equal("b", Assert.Single(power).Verdict.Case);
        var row = Assert.Single(reported);
        Assert.Equal("a", row.Case);
        Assert.True(row.Pass);
        Assert.EndsWith("no power at this reading: σ = 0 control not rejected", row.Detail);
    }

    [Fact]
    public void An_unrejected_informational_check_keeps_its_verdict_asserted_and_an_unrejected_gating_one_does_not()
    {
        var informational = new PowerResult("flow at half speed (informational)", Row("relu_h_vs_line", "a", pass: true), Informational: true);
        var (verdicts, power, reported) = PoweredVerdicts.Split([Row("relu_h_vs_line", "a", true), Row("relu_h_vs_line", "b", true)],
            [Power("relu_h_vs_line", "a", true), informational, Power("relu_h_vs_line", "b", true), informational with { Verdict = Row("relu_h_vs_line", "b", true), Informational = false }]);
        Assert.Equal("a", Assert.Single(verdicts).Case);
        Assert.Equal(2, power.Count);
        Assert.Contains(power, p => p.Informational && !p.Rejected);
        Assert.Equal("b", Assert.Single(reported).Case);
    }

    [Fact]
    public void Power_checks_of_no_verdict_are_kept()
    {
        var (verdicts, power, reported) = PoweredVerdicts.Split([], [Power("other", "a", false)]);
        Assert.Empty(verdicts);
        Assert.Single(power);
        Assert.Empty(reported);
    }
}
