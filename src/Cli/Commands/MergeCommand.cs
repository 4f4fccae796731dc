using System.CommandLine;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Sweep;
using NoiseDrift.Engine.Json;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift merge FILES… [--json]</c> (docs/design.md "CLI contract"): joins the <c>sweep --json</c> outputs of the
/// shards, reports the failures and the worst <c>|m − p|/tolerance</c> per check name, and judges the union under one
/// error budget (<see cref="SweepSummary"/>, docs/theory.md §5). Exit 0 when the union passes, 1 when a row fails under
/// it, 2 when a file is unreadable, holds a line that is not a sweep row, or repeats another file's seed.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var files = new Argument<string[]>("FILES") { Description = "Shard outputs of 'noisedrift sweep --json'.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write the summary as one JSON object to stdout." };
        var command = new Command("merge", "Join sweep shard outputs and judge them under one error budget.") { files, json };
        command.SetAction(parsed => Execute(parsed.GetRequiredValue(files), parsed.GetValue(json), consoles));
        return command;
    }

    public static int Execute(IReadOnlyList<string> files, bool json, CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        var summary = SweepSummary.Of(ShardFiles.Read(files));
        if (json) JsonLine.Write(consoles.Out, SweepJson.Object(summary));
        else SweepTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), summary);
        consoles.Out.Flush();
        return summary.Pass ? ExitCode.Pass : ExitCode.Fail;
    }
}
