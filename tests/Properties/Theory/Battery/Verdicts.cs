using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>Assertions on battery verdicts, and the power side of docs/theory.md §5.</summary>
internal static class Verdicts
{
    /// <summary>Every verdict passes; the message lists them all.</summary>
    public static void AllPass(IEnumerable<CheckResult> results)
    {
        var list = results.ToList();
        Assert.NotEmpty(list);
        Assert.True(list.All(r => r.Pass), string.Join("\n", list.Select(Describe)));
    }

    /// <summary>Every row obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c> (<see cref="VerdictRule"/>).</summary>
    public static void ObeyTheRule(IEnumerable<CheckResult> results) =>
        Assert.Empty(VerdictRule.Violations(results));

    /// <summary>
    /// The same measurement judged against a perturbed prediction fails: the row's own z and SE, and its bias bound
    /// scaled with the prediction (<c>bias · |perturbed| / |predicted|</c>), so a larger prediction also gets its larger
    /// bias allowance.
    /// </summary>
    public static bool Rejects(CheckResult verdict, double perturbed)
    {
        double relativeBias = verdict.Predicted == 0 ? 0 : verdict.Bias / Math.Abs(verdict.Predicted);
        var judged = VerdictRule.Judge(verdict.Check, verdict.Case, perturbed, verdict.Measured, verdict.StdErr, verdict.Z,
            relativeBias * Math.Abs(perturbed));
        return !judged.Pass;
    }

    /// <summary>Asserts the perturbation is rejected.</summary>
    public static void Rejected(CheckResult verdict, double perturbed, string perturbation) =>
        Assert.True(Rejects(verdict, perturbed), $"{perturbation} was not rejected: {Describe(verdict)} vs perturbed {perturbed:G6}");

    public static string Describe(CheckResult r) =>
        $"{(r.Pass ? "pass" : "FAIL")} {r.Check} [{r.Case}] predicted {r.Predicted:G6} measured {r.Measured:G6} ± {r.StdErr:G3} (tol {r.Tolerance:G3}) {r.Detail}";
}
