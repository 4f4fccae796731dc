using NoiseDrift.Properties.Theory.Battery;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// Theory versus simulation on the paper's three settings (docs/theory.md §2–§4): the built-in <see cref="SettingCases"/>
/// (the same cases <c>noisedrift check</c> runs) through the whole battery at the quick plan — OU covariance, static
/// and dynamic exact-S drift, leading-order offset, reg decrease, controls and the slow flow — every verdict passing
/// under the suite budget (docs/theory.md §5). Power: the same measurements reject a doubled and a sign-flipped drift and a
/// doubled OU trace. The ReLU case asserts its kinks stay ≥ <see cref="SettingCases.MinimumKinkMargin"/> OU spreads
/// from the data.
/// </summary>
public class SettingBatteryTests
{
    private static readonly Lazy<IReadOnlyList<(TheoryCase Case, List<CheckResult> Results)>> Runs = new(() =>
        SettingCases.All(Cases.Seed).Select(c =>
            (c, TheoryBattery.Run(c, TheoryBatteryOptions.Quick(Cases.Seed) with { Scaling = false }).ToList())).ToList());

    public static TheoryData<int> Settings => new(0, 1, 2);

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_theory_check_passes_on_the_setting(int index)
    {
        var (@case, results) = Runs.Value[index];
        Assert.Contains(results, r => r.Check.StartsWith("drift_dynamic", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Check.StartsWith("ou_", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Check.StartsWith("slow_flow", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Check == "reg_decrease");
        Assert.All(results, r => Assert.Equal(@case.Name, r.Case.Split(" η/4")[0]));
        Verdicts.AllPass(results);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Power_wrong_drift_and_covariance_are_rejected(int index)
    {
        var results = Runs.Value[index].Results;
        var drift = results.Single(r => r.Check == "drift_dynamic_along");
        Verdicts.Rejected(drift, 2 * drift.Predicted, "drift ×2");
        Verdicts.Rejected(drift, -drift.Predicted, "drift sign flipped");
        var trace = results.Single(r => r.Check == "ou_trace");
        Verdicts.Rejected(trace, 2 * trace.Predicted, "OU covariance ×2");
    }

    [Fact]
    public void Relu_case_keeps_its_kinks_away_from_the_data()
    {
        var relu = SettingCases.Relu1DCase();
        Assert.True(SettingCases.KinkMargin(relu) >= SettingCases.MinimumKinkMargin);
        Assert.StartsWith("relu1d", relu.Name, StringComparison.Ordinal);
        Assert.StartsWith("matrix_sensing", SettingCases.MatrixSensingCase(1).Name, StringComparison.Ordinal);
        Assert.StartsWith("sigmoid2", SettingCases.Sigmoid2Case().Name, StringComparison.Ordinal);
    }
}
