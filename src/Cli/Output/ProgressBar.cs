using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// One long computation behind a Spectre progress bar, or run silently when there is no terminal console. The work
/// reports its completed fraction in [0, 1], possibly from worker threads.
/// </summary>
internal static class ProgressBar
{
    public static T Run<T>(IAnsiConsole? console, string description, Func<IProgress<double>?, T> work)
    {
        if (console is null) return work(null);
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: 1);
                result = work(new Fraction(f => task.Value = Math.Clamp(f, 0, 1)));
                task.Value = 1;
            });
        return result;
    }
}
