using NoiseDrift.Cli.Battery;
using NoiseDrift.Theory.Judging;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// Runs check cases (two at a time, <see cref="BatteryRunner.RunInOrder"/>), drawing a progress bar on a terminal console
/// or running silently without one, and hands each case's verdicts to <c>judged</c> in case order as soon as that case
/// and those before it are done (so JSON lines stream).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Cases in flight at once: two, so that one case's single-threaded predictions overlap another's chains.</summary>
    public const int Workers = 2;

    /// <summary>
    /// Runs <paramref name="cases"/>, <paramref name="workers"/> at a time (1 where the cases share one outside program,
    /// which answers one request at a time).
    /// </summary>
    public static IReadOnlyList<CheckResult> Run(IReadOnlyList<CheckCase> cases, IAnsiConsole? console,
        Action<IReadOnlyList<CheckResult>>? judged = null, int workers = Workers)
    {
        var results = new List<CheckResult>();
        void Add(IReadOnlyList<CheckResult> rows)
        {
            results.AddRange(rows);
            judged?.Invoke(rows);
        }
        if (console is null)
        {
            BatteryRunner.RunInOrder(cases, workers, _ => null, (_, rows) => Add(rows));
            return results;
        }
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("checks", maxValue: cases.Count);
                int waiting = 0;
                if (cases.Count > 0) task.Description = Markup.Escape(cases[0].Name);
                // The bar follows the first case not yet done; cases running ahead of it report nothing.
                BatteryRunner.RunInOrder(cases, workers, i => new Fraction(f =>
                {
                    if (i == Volatile.Read(ref waiting)) task.Value = i + Math.Clamp(f, 0, 1);
                }), (i, rows) =>
                {
                    Add(rows);
                    Volatile.Write(ref waiting, i + 1);
                    task.Value = i + 1;
                    if (i + 1 < cases.Count) task.Description = Markup.Escape(cases[i + 1].Name);
                });
            });
        return results;
    }
}
