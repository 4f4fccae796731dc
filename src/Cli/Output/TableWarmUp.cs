using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// Draws <see cref="ResultTable"/> once, into a discarded writer, on a pool thread while the cases run. With tiered
/// compilation off (src/Cli/NoiseDrift.Cli.csproj) every method is compiled optimized on its first call, and the table's
/// first call comes after the last case: Spectre.Console's markup, its emoji table (a static constructor of 23 kB of IL)
/// and its colour table took 220–300 ms there, on one core, with the other idle (docs/bench-history.md, 2026-12-08).
/// Drawn early, that compilation overlaps the start of the run, when one core is idle while the cases are built.
/// The warm-up writes nothing anyone reads and changes no result; a failure in it is ignored (the real table then
/// compiles as before).
/// </summary>
public static class TableWarmUp
{
    /// <summary>Starts the warm-up for a table written as <paramref name="isTerminal"/> says; returns its task (tests).</summary>
    public static Task Start(bool isTerminal) => Task.Run(() => Draw(isTerminal));

    /// <summary>Both table forms over a failing, a passing, a notable and a not-asserted row.</summary>
    internal static void Draw(bool isTerminal)
    {
        var console = AnsiConsoles.Over(TextWriter.Null, isTerminal);
        CheckResult[] rows =
        [
            new("warm_up", "case", 1, 1, 0.1, 6.57, 0, Pass: true),
            new("warm_up", "case", 1, 2, 0.1, 6.57, 0, Pass: false, Detail: "detail"),
            new("warm_up_notable", "case", 1, 1.5, 0.1, 6.57, 0, Pass: true, Detail: "detail"),
            new("warm_up_skipped", "case", 1, 1, 0.1, 6.57, 0, Pass: true, NotAsserted: "reason"),
        ];
        ResultTable.WriteSummary(console, rows);
        ResultTable.Write(console, rows);
    }
}
