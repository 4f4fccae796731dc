using System.Globalization;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Sweep;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// <c>noisedrift reproduce SETTING --seeds A..B [--shard i/k] [--json]</c> (docs/theory.md §5: a seed sweep measures the
/// real false-alarm rate; docs/design.md "CLI contract"): the claims over many seeds through the sweep machinery
/// (<see cref="SeedRange"/>, <see cref="Shard"/>, <see cref="SweepRow"/>, <see cref="SweepSummary"/>), so
/// <c>noisedrift merge</c> joins the shards and reports a pass rate per claim. Each seed gives one row per asserted
/// verdict, one per gating power check (<see cref="PowerRow"/>; informational ones are in the per-seed reports) and one per experiment that could not run (<see cref="FailureRow"/>).
/// </summary>
internal static class ReproduceSweep
{
    /// <summary>Runs the shard's seeds and reports; returns the exit code (1 when any row fails).</summary>
    public static int Execute(string setting, IReadOnlyList<ReproduceExperiment> experiments, SeedRange range, Shard shard, bool quick,
        string? outputDirectory, bool json, CliConsoles consoles)
    {
        var rows = new List<SweepRow>();
        foreach (ulong seed in range.Seeds(shard))
        {
            var sweep = MatrixSensingSweepAhead.Start(experiments, quick, seed, outputDirectory);
            var (results, failures, timings) = ReproduceRun.At(experiments, quick, seed, consoles);
            if (outputDirectory is not null)
            {
                ReproduceReport.Write(Path.Combine(outputDirectory, string.Create(CultureInfo.InvariantCulture, $"seed-{seed}")),
                    setting, results, timings, failures, quick, seed, sweep);
            }
            var seedRows = Rows(results, failures).Select(v => new SweepRow(seed, v)).ToList();
            rows.AddRange(seedRows);
            if (json)
            {
                foreach (var row in seedRows) JsonLine.Write(consoles.Out, row.Line());
                consoles.Out.Flush();
            }
        }
        if (!json) SweepTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), SweepSummary.Of(rows));
        consoles.Out.Flush();
        return rows.All(r => r.Verdict.Pass) ? ExitCode.Pass : ExitCode.Fail;
    }

    /// <summary>The rows of one seed: the asserted verdicts, their power checks, and the experiments that could not run.</summary>
    public static IEnumerable<CheckResult> Rows(IEnumerable<Reproduction> results, IEnumerable<ReproduceFailure> failures) =>
        results.SelectMany(r => r.Verdicts.Concat(r.Power.Where(p => p.Gating).Select(PowerRow))).Concat(failures.Select(FailureRow));

    /// <summary>
    /// A power check as a row: <c>CHECK power</c>, case <c>CASE: PERTURBATION</c>, predicted 1 (rejected), measured 1
    /// when it was rejected and 0 when not, tolerance 0, so the row passes exactly when the wrong prediction was rejected.
    /// </summary>
    public static CheckResult PowerRow(PowerResult power)
    {
        ArgumentNullException.ThrowIfNull(power);
        return SuiteBudget.Budget.Judge($"{power.Verdict.Check} power", $"{power.Verdict.Case}: {power.Perturbation}", 1,
            power.Rejected ? 1 : 0, 0, 0, power.Verdict.Detail);
    }

    /// <summary>An experiment that could not run, as a failing row <c>NAME_ran</c>: predicted 1, measured 0, tolerance 0.</summary>
    public static CheckResult FailureRow(ReproduceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return SuiteBudget.Budget.Judge($"{failure.Experiment}_ran", failure.Experiment, 1, 0, 0, 0, failure.Reason);
    }
}
