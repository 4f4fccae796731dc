using System.Diagnostics;
using NoiseDrift.Cli.Output;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>The experiments of <c>noisedrift reproduce</c> at one seed (docs/theory.md §4), shared by one seed and <c>--seeds</c>.</summary>
internal static class ReproduceRun
{
    /// <summary>
    /// Runs each experiment at one seed: its reproduction and time, or, when it cannot run, its failure (also written to
    /// stderr as one line); an experiment that fails never stops the others. <paramref name="done"/> receives each
    /// reproduction as soon as it is judged (so JSON lines stream).
    /// </summary>
    public static (List<Reproduction> Results, List<ReproduceFailure> Failures, List<TimeSpan> Timings) At(
        IReadOnlyList<ReproduceExperiment> experiments, bool quick, ulong seed, CliConsoles consoles,
        Action<Reproduction>? done = null)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(consoles);
        var results = new List<Reproduction>();
        var failures = new List<ReproduceFailure>();
        var timings = new List<TimeSpan>();
        var progress = consoles.ErrorIsTerminal ? AnsiConsoles.Over(consoles.Error, true) : null;
        foreach (var (name, run) in experiments)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var result = ProgressBar.Run(progress, name, p => run(quick, seed, p));
                results.Add(result);
                timings.Add(clock.Elapsed);
                done?.Invoke(result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An experiment that cannot produce its verdicts fails in one line; the others still run and report.
                var failure = ReproduceFailure.Of(name, seed, e);
                failures.Add(failure);
                consoles.Error.WriteLine(failure.Line);
            }
        }
        return (results, failures, timings);
    }
}
