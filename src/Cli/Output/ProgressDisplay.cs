using NoiseDrift.Cli.Battery;
using NoiseDrift.Theory.Judging;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// Runs check cases in their order, drawing a progress bar on a terminal console or running silently without one,
/// and hands each case's verdicts to <c>judged</c> as soon as that case is done (so JSON lines stream).
/// </summary>
internal static class ProgressDisplay
{
    public static IReadOnlyList<CheckResult> Run(
        IReadOnlyList<CheckCase> cases, IAnsiConsole? console, Action<IReadOnlyList<CheckResult>>? judged = null)
    {
        var results = new List<CheckResult>();
        void Add(IReadOnlyList<CheckResult> rows)
        {
            results.AddRange(rows);
            judged?.Invoke(rows);
        }
        if (console is null)
        {
            foreach (var c in cases) Add(BatteryRunner.Run(c));
            return results;
        }
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("checks", maxValue: cases.Count);
                for (int i = 0; i < cases.Count; i++)
                {
                    int done = i;
                    task.Description = Markup.Escape(cases[i].Name);
                    Add(BatteryRunner.Run(cases[i], new Fraction(f => task.Value = done + Math.Clamp(f, 0, 1))));
                    task.Value = i + 1;
                }
            });
        return results;
    }
}
