using NoiseDrift.Cli.Battery;
using NoiseDrift.Theory.Judging;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>Runs check cases, drawing a progress bar on a terminal console or running silently without one.</summary>
internal static class ProgressDisplay
{
    public static IReadOnlyList<CheckResult> Run(IReadOnlyList<CheckCase> cases, IAnsiConsole? console)
    {
        var results = new List<CheckResult>();
        if (console is null)
        {
            foreach (var c in cases) results.AddRange(BatteryRunner.Run(c));
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
                    results.AddRange(BatteryRunner.Run(cases[i], new Fraction(f => task.Value = done + Math.Clamp(f, 0, 1))));
                    task.Value = i + 1;
                }
            });
        return results;
    }
}
