using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// Runs check cases one after the other. A case that throws does not stop the run: it becomes one failed verdict,
/// <c>error</c>, carrying the exception message.
/// </summary>
public static class BatteryRunner
{
    /// <summary>Every case of every battery, in order.</summary>
    public static IReadOnlyList<CheckCase> Cases(IEnumerable<IBattery> batteries, BatteryOptions options) =>
        [.. batteries.SelectMany(b => b.Cases(options))];

    /// <summary>
    /// Runs every case, <paramref name="workers"/> at a time (each case's chains also spread over the cores; a second
    /// case fills the cores while another computes its predictions on one), and hands each case's verdicts to
    /// <paramref name="judged"/> in case order as soon as that case and all before it are done. Each case is computed
    /// exactly as alone (results never depend on the thread count), so the verdicts are those of a run one by one.
    /// <paramref name="progressFor"/> gives the progress sink of case i.
    /// </summary>
    public static void RunInOrder(IReadOnlyList<CheckCase> cases, int workers, Func<int, IProgress<double>?> progressFor,
        Action<int, IReadOnlyList<CheckResult>> judged)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(progressFor);
        ArgumentNullException.ThrowIfNull(judged);
        var done = cases.Select(_ => new TaskCompletionSource<IReadOnlyList<CheckResult>>(
            TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        int next = -1;
        void Work()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < cases.Count;)
            {
                try { done[i].SetResult(Run(cases[i], progressFor(i))); }
                catch (Exception e) { done[i].SetException(e); }
            }
        }
        var threads = Enumerable.Range(0, Math.Clamp(workers, 1, Math.Max(1, cases.Count)))
            .Select(_ => new Thread(Work) { IsBackground = true }).ToArray();
        foreach (var t in threads) t.Start();
        for (int i = 0; i < cases.Count; i++) judged(i, done[i].Task.GetAwaiter().GetResult());
        foreach (var t in threads) t.Join();
    }

    /// <summary>Runs one case, turning an exception into a failed verdict; a tracked case reports to <paramref name="progress"/>.</summary>
    public static IReadOnlyList<CheckResult> Run(CheckCase checkCase, IProgress<double>? progress = null)
    {
        try
        {
            return checkCase.Tracked is { } tracked ? tracked(progress) : checkCase.Run();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return [VerdictRule.Exact("error", checkCase.Name, double.NaN, double.NaN, 0,
                $"{e.GetType().Name}: {e.Message}")];
        }
    }
}
