using System.Globalization;
using System.Text;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// Verdicts as Markdown tables, for <c>--markdown</c> and <c>report.md</c>. The tables in the README and docs/ are this
/// output pasted between <c>generated</c> markers, and a test reruns each command and compares (docs/development.md
/// "Generated tables"), so no figure in them is typed by hand. Every row shows the margin <c>|m − p|/tolerance</c>
/// (<see cref="VerdictRule.Ratio(CheckResult)"/>), and obeys the verdict rule of docs/theory.md §5.
/// </summary>
internal static class MarkdownTable
{
    /// <summary>One row per family of checks (<see cref="CheckFamilies"/>): rows, worst margin, pass, the worst row.</summary>
    public static string Families(IReadOnlyList<CheckResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("| family | rows | worst \\|m−p\\|/tol | pass | worst row |");
        md.AppendLine("|---|---:|---:|---|---|");
        foreach (var family in CheckFamilies.Of(results))
        {
            var worst = family.Worst;
            string row = worst.Check == family.Name ? worst.Case : $"{worst.Check} · {worst.Case}";
            md.AppendLine(Row(Cell(family.Name), Count(family.Rows), NumberFormat.Ratio(VerdictRule.Ratio(worst)),
                family.Failures == 0 ? "pass" : "**FAIL**", Cell(row)));
        }
        md.AppendLine(Total(results));
        return md.ToString();
    }

    /// <summary>Every verdict row: check, case, predicted, measured, stderr, tolerance, margin, pass.</summary>
    public static string Verdicts(IReadOnlyList<CheckResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("| check | case | predicted | measured | stderr | tolerance | \\|m−p\\|/tol | pass |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var v in results)
            md.AppendLine(Row(Cell(v.Check), Cell(v.Case), NumberFormat.Short(v.Predicted), NumberFormat.Short(v.Measured),
                NumberFormat.Short(v.StdErr), NumberFormat.Short(v.Tolerance), NumberFormat.Ratio(VerdictRule.Ratio(v)), Verdict(v)));
        return md.ToString();
    }

    /// <summary>The power checks of a reproduction: the wrong prediction each verdict must reject, and whether it did.</summary>
    public static string Power(IReadOnlyList<PowerResult> power)
    {
        var md = new StringBuilder();
        md.AppendLine("| check | case | wrong prediction | predicted | measured | tolerance | rejected |");
        md.AppendLine("|---|---|---|---:|---:|---:|---|");
        foreach (var p in power)
            md.AppendLine(Row(Cell(p.Verdict.Check), Cell(p.Verdict.Case), Cell(p.Perturbation), NumberFormat.Short(p.Verdict.Predicted),
                NumberFormat.Short(p.Verdict.Measured), NumberFormat.Short(p.Verdict.Tolerance), p.Rejected ? "yes" : p.Gating ? "**no**" : "no (informational)"));
        return md.ToString();
    }

    /// <summary>
    /// One row per reproduced setting (verdicts passed, power checks rejected, the worst margin and its row), then one
    /// row per experiment that could not run.
    /// </summary>
    public static string Settings(IReadOnlyList<Reproduction> results, IReadOnlyList<string> couldNotRun)
    {
        var md = new StringBuilder();
        md.AppendLine("| setting | verdicts passed | power checks rejected | worst \\|m−p\\|/tol | worst row |");
        md.AppendLine("|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var asserted = r.Verdicts.Where(v => v.Asserted).ToList();
            var worst = asserted.MaxBy(VerdictRule.Ratio);
            md.AppendLine(Row(Cell(r.Setting), $"{Count(asserted.Count(v => v.Pass))} of {Count(asserted.Count)}",
                $"{Count(r.Power.Count(p => p.Gating && p.Rejected))} of {Count(r.Power.Count(p => p.Gating))}",
                worst is null ? "–" : NumberFormat.Ratio(VerdictRule.Ratio(worst)), worst is null ? "–" : Cell($"{worst.Check} · {worst.Case}")));
        }
        foreach (var name in couldNotRun) md.AppendLine(Row(Cell(name), "**could not run**", "", "", ""));
        return md.ToString();
    }

    private static string Total(IReadOnlyList<CheckResult> results)
    {
        int failed = results.Count(r => r.Fails), unasserted = results.Count(r => !r.Asserted);
        string aside = unasserted == 0 ? "" : $" ({Count(unasserted)} not asserted)";
        return Environment.NewLine + (failed == 0
            ? $"{Count(results.Count)} checks, all passed{aside}."
            : $"{Count(results.Count)} checks, {Count(failed)} failed{aside}.");
    }

    private static string Verdict(CheckResult v) => !v.Asserted ? "not asserted" : v.Pass ? "pass" : "**FAIL**";

    /// <summary>Table-cell text: a pipe would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
