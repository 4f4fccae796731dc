using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The <c>check</c> row of each setting's closed forms against the engine (<see cref="ClosedFormVerdict"/>, docs/theory.md
/// §4): it passes on every built-in setting case at its round-off tolerance, obeys the verdict rule, and the closed form
/// times 2 (the power check) is rejected.
/// </summary>
public class ClosedFormVerdictTests
{
    public static TheoryData<int> Settings => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Closed_form_agrees_with_the_engine_and_a_factor_two_is_rejected(int index)
    {
        var @case = SettingCases.All(1)[index];
        var row = ClosedFormVerdict.Judge(@case)!;
        Assert.True(row.Pass, $"{row.Case}: {row.Measured:R} vs {row.Predicted:R} ± {row.Tolerance:G3} ({row.Detail})");
        Assert.True(VerdictRule.Holds(row));
        Assert.True(row.Tolerance > 0 && row.Tolerance < 1e-8 * (1 + Math.Abs(row.Measured)), $"tolerance {row.Tolerance:G3}");
        var broken = ClosedFormVerdict.Judge(@case, 2)!;
        Assert.False(broken.Pass, $"{row.Case}: the closed form times 2 was not rejected");
        Assert.Equal(SettingCases.All(1).Count, Settings.Count);
    }
}
