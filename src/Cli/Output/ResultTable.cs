using NoiseDrift.Theory.Judging;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The summary table of <c>noisedrift check</c>: one row per verdict (check, case, predicted, measured, stderr,
/// tolerance, pass), then a count of failures and the detail of each failed check.
/// </summary>
internal static class ResultTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("check");
        table.AddColumn("case");
        foreach (string numeric in new[] { "predicted", "measured", "stderr", "tolerance" })
            table.AddColumn(new TableColumn(numeric).RightAligned());
        table.AddColumn("pass");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Check), Markup.Escape(r.Case),
                NumberFormat.Short(r.Predicted), NumberFormat.Short(r.Measured),
                NumberFormat.Short(r.StdErr), NumberFormat.Short(r.Tolerance),
                r.Pass ? "[green]pass[/]" : "[red]FAIL[/]");
        }
        console.Write(table);
        var failed = results.Where(r => !r.Pass).ToList();
        foreach (var r in failed)
            console.MarkupLine($"[red]FAIL[/] {Markup.Escape($"{r.Check} on {r.Case}: {r.Detail}")}");
        console.MarkupLine(failed.Count == 0
            ? $"[green]{results.Count} checks, all passed[/]"
            : $"[red]{results.Count} checks, {failed.Count} failed[/]");
    }
}
