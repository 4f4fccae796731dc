using System.CommandLine;
using System.Globalization;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Sweep;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift sweep --seeds A..B [--quick|--deep] [--shard i/k] [--json]</c> (docs/design.md "CLI contract";
/// docs/theory.md §5: a seed sweep measures the real false-alarm rate): runs the <c>check</c> battery once per seed of the
/// shard. With <c>--json</c>, stdout holds one <see cref="SweepRow"/> per check per seed, written seed by seed, so a
/// shard's file holds every finished seed; without it, the <see cref="SweepSummary"/> table. Exit 1 if a row failed.
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var seeds = new Option<string>("--seeds") { Description = "The seeds A..B (both included).", Required = true };
        var shard = new Option<string>("--shard")
        {
            Description = "Run shard i of k (0 ≤ i < k): the seeds A + i, A + i + k, … (a CI matrix entry or a Slurm array task).",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per check per seed per line to stdout." };
        var tiers = new TierOptions();
        var command = new Command("sweep", "Run the check battery over a range of seeds, or one shard of it.") { seeds, shard, json };
        tiers.AddTo(command);
        command.SetAction(parsed => Execute(SeedRange.Parse(parsed.GetRequiredValue(seeds)),
            parsed.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All, tiers.Of(parsed), parsed.GetValue(json), consoles));
        return command;
    }

    /// <summary>Runs the shard and reports; returns the exit code.</summary>
    public static int Execute(SeedRange range, Shard shard, Tier tier, bool json, CliConsoles consoles,
        IReadOnlyList<IBattery>? batteries = null)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(consoles);
        var rows = new List<SweepRow>();
        foreach (ulong seed in range.Seeds(shard))
        {
            var cases = BatteryRunner.Cases(batteries ?? StandardBattery.All, new BatteryOptions(tier, seed));
            IReadOnlyList<CheckResult> results = ProgressDisplay.Run(cases, null, caseRows =>
            {
                foreach (var r in caseRows)
                {
                    var row = new SweepRow(seed, r);
                    rows.Add(row);
                    if (json) JsonLine.Write(consoles.Out, row.Line());
                }
            });
            if (consoles.ErrorIsTerminal)
            {
                consoles.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"noisedrift: seed {seed}: {results.Count} checks, {results.Count(r => r.Fails)} failed"));
            }
        }
        if (!json) SweepTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), SweepSummary.Of(rows));
        consoles.Out.Flush();
        return !rows.Any(r => r.Verdict.Fails) ? ExitCode.Pass : ExitCode.Fail;
    }
}
