using System.Text.RegularExpressions;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// Checks grouped into families for the summary of <see cref="ResultTable"/>: a family is the check's name with its
/// index replaced by <c>*</c>, the digits at the end of a word or in brackets (<c>ou_eigen3</c> → <c>ou_eigen*</c>,
/// <c>ou_mean_eigen1_half</c> → <c>ou_mean_eigen*_half</c>, <c>run:ou_cov eigen[2]</c> → <c>run:ou_cov eigen[*]</c>;
/// <c>control_sigma0_relaxation</c> keeps its 0), in order of first appearance.
/// </summary>
public sealed partial record CheckFamilies(string Name, int Rows, int Failures, CheckResult Worst)
{
    /// <summary>The families of <paramref name="results"/>, each with its worst row by margin <c>|m − p|/tolerance</c>.</summary>
    public static IReadOnlyList<CheckFamilies> Of(IReadOnlyList<CheckResult> results) =>
        [.. results.GroupBy(r => Family(r.Check))
            .Select(g => new CheckFamilies(g.Key, g.Count(), g.Count(r => !r.Pass), g.MaxBy(VerdictRule.Ratio)!))];

    /// <summary>The family of a check name.</summary>
    public static string Family(string check) => Index().Replace(check, "*");

    [GeneratedRegex(@"(?<=[a-z\[])\d+(?=$|\]|_half)")]
    private static partial Regex Index();
}
