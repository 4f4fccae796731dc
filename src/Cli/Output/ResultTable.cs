using System.Globalization;
using NoiseDrift.Theory.Judging;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The verdict table of <c>check</c>, <c>simulate</c> and <c>reproduce</c>, at most <see cref="Width"/> columns: rows
/// grouped under their case, each with its margin <c>|m − p|/tolerance</c>, and the detail under a failing or
/// notable row (margin at least <see cref="Notable"/>); or, in the summary form, one line per family of checks
/// (<see cref="CheckFamilies"/>) with its worst margin. Both end with the count of checks and failures. A row that is
/// not asserted (docs/theory.md §5.1) shows <c>not asserted</c>, its reason is listed, and it counts neither way.
/// </summary>
public static class ResultTable
{
    /// <summary>The widest line the table writes.</summary>
    public const int Width = 120;

    /// <summary>A row whose margin is at least this is notable: its detail is shown even when it passes.</summary>
    public const double Notable = 0.5;

    private const int CheckWidth = 30, NumberWidth = 13, MarginWidth = 11;

    /// <summary>Every row, grouped under its case, with details under failing and notable rows; then the total.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        Rows(console, results);
        Total(console, results);
    }

    /// <summary>One line per family (rows, worst margin, pass, where), then every failing or notable row; then the total.</summary>
    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        const int familyWidth = 38;
        console.WriteLine(Fit("  " + Pad("family", familyWidth) + Right("rows", 5) + Right("worst", 10) + "  pass  worst row"));
        foreach (var family in CheckFamilies.Of(results))
        {
            var worst = family.Worst;
            string line = "  " + Pad(family.Name, familyWidth) + Right(family.Rows.ToString(CultureInfo.InvariantCulture), 5) +
                Right(NumberFormat.Ratio(VerdictRule.Ratio(worst)), 10) + "  ";
            string row = worst.Check == family.Name ? worst.Case : $"{worst.Check} · {worst.Case}";
            string where = Fit(line + "pass  " + row)[(line.Length + 4)..];
            console.MarkupLine(Markup.Escape(line) + Verdict(family.Failures == 0) + Markup.Escape(where));
        }
        var shown = results.Where(r => !r.Pass || VerdictRule.Ratio(r) >= Notable).ToList();
        console.WriteLine();
        console.WriteLine(shown.Count == 0
            ? $"No row failed or came within {Notable} of its tolerance; --verbose lists every row."
            : $"Failing rows, and rows at {Notable} of their tolerance or more (--verbose lists every row):");
        if (shown.Count > 0) Rows(console, shown);
        Total(console, results);
    }

    private static void Rows(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        console.WriteLine(Fit("  " + Pad("check", CheckWidth) + Numbers("predicted", "measured", "stderr", "tolerance") +
            Right("|m-p|/tol", MarginWidth) + "  pass"));
        foreach (var group in results.GroupBy(r => r.Case))
        {
            console.WriteLine(Fit(group.Key));
            foreach (var r in group)
            {
                double margin = VerdictRule.Ratio(r);
                string line = "  " + Pad(r.Check, CheckWidth) + Numbers(NumberFormat.Short(r.Predicted),
                    NumberFormat.Short(r.Measured), NumberFormat.Short(r.StdErr), NumberFormat.Short(r.Tolerance)) +
                    Right(NumberFormat.Ratio(margin), MarginWidth) + "  ";
                console.MarkupLine(Markup.Escape(line) + (r.Asserted ? Verdict(r.Pass) : "[yellow]not asserted[/]"));
                if (!r.Pass || margin >= Notable) Detail(console, r.Detail);
            }
        }
    }

    private static void Total(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        int failed = results.Count(r => r.Fails);
        var unasserted = results.Where(r => !r.Asserted).ToList();
        foreach (var r in unasserted)
            console.MarkupLine($"[yellow]not asserted[/] {Markup.Escape(Fit($"{r.Check} on {r.Case}: {r.NotAsserted}"))}");
        foreach (var r in results.Where(r => r.Fails))
            console.MarkupLine($"[red]FAIL[/] {Markup.Escape(Fit($"{r.Check} on {r.Case}: {r.Detail}"))}");
        string aside = unasserted.Count == 0 ? "" : $" ({unasserted.Count} not asserted)";
        console.MarkupLine(failed == 0
            ? $"[green]{results.Count} checks, all passed{aside}[/]"
            : $"[red]{results.Count} checks, {failed} failed{aside}[/]");
    }

    private static void Detail(IAnsiConsole console, string detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return;
        foreach (string line in Wrap(detail, Width - 6)) console.WriteLine("      " + line);
    }

    private static string Verdict(bool pass) => pass ? "[green]pass[/]" : "[red]FAIL[/]";

    private static string Numbers(params string[] values) => string.Concat(values.Select(v => Right(v, NumberWidth)));

    private static string Pad(string text, int width) => text.Length < width ? text.PadRight(width) : text[..(width - 2)] + "… ";

    private static string Right(string text, int width) => text.PadLeft(width);

    private static string Fit(string line) => line.Length <= Width ? line : line[..(Width - 1)] + "…";

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word.Length > width ? word[..width] : word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
