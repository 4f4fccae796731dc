using System.Globalization;
using NoiseDrift.Cli.Output;
using Spectre.Console;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// The summary of a sweep (<c>noisedrift sweep</c> without <c>--json</c>, and <c>noisedrift merge</c>): one row per
/// check name with its failures and the median, 0.99 quantile and worst of <c>|m − p|/tolerance</c> (the first two over
/// rows with a standard error), then the totals and the union verdict.
/// </summary>
internal static class SweepTable
{
    public static void Write(IAnsiConsole console, SweepSummary s)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("check");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn(new TableColumn("failed").RightAligned());
        table.AddColumn(new TableColumn("pass rate").RightAligned());
        table.AddColumn(new TableColumn("median").RightAligned());
        table.AddColumn(new TableColumn("q0.99").RightAligned());
        table.AddColumn(new TableColumn("worst |m−p|/tol").RightAligned());
        table.AddColumn("at seed, case");
        foreach (var c in s.Checks)
        {
            table.AddRow(Markup.Escape(c.Check), Count(c.Rows), c.Failures == 0 ? "0" : $"[red]{c.Failures}[/]",
                string.Create(CultureInfo.InvariantCulture, $"{c.PassRate:P0}"),
                OrDash(c.MedianRatio), OrDash(c.Q99Ratio), NumberFormat.Ratio(c.WorstRatio), Markup.Escape($"{c.WorstSeed}, {c.WorstCase}"));
        }
        console.Write(table);
        string quantiles = string.Join(", ", s.RatioQuantiles.Select(q =>
            string.Create(CultureInfo.InvariantCulture, $"q{q.Level:0.###} {NumberFormat.Ratio(q.Ratio)}")));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Seeds.Count} seeds ({Ranges(s.Seeds)}), {s.Rows} rows, {s.Failures} failed in {s.FailedSeeds} seeds; " +
            $"|m−p|/tol over rows with a standard error: {quantiles}"));
        string verdict = string.Create(CultureInfo.InvariantCulture,
            $"union under one budget (α = 1e-6, z = {s.Budget.Z:F2} instead of {s.Budget.RunZ:F2} per run): " +
            $"{s.UnionFailures} rows fail");
        console.MarkupLine(s.Pass ? $"[green]{Markup.Escape(verdict)}[/]" : $"[red]{Markup.Escape(verdict)}[/]");
    }

    /// <summary>Ascending seeds as ranges, <c>1..5, 9, 11..12</c>.</summary>
    public static string Ranges(IReadOnlyList<ulong> seeds)
    {
        var parts = new List<string>();
        for (int i = 0; i < seeds.Count;)
        {
            int j = i;
            while (j + 1 < seeds.Count && seeds[j + 1] == seeds[j] + 1) j++;
            parts.Add(j == i ? $"{seeds[i]}" : $"{seeds[i]}..{seeds[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    /// <summary>A ratio, or a dash for a check with no statistical rows (its tolerance is an error bound).</summary>
    private static string OrDash(double ratio) => double.IsNaN(ratio) ? "–" : NumberFormat.Ratio(ratio);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
