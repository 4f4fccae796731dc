using System.CommandLine;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Cli.Output;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift check [--quick|--deep] [--json] [--seed S]</c>: runs the standard battery on the built-in cases,
/// shows a progress bar and a summary table (or JSON lines), and exits 1 if any check fails (DESIGN.md "CLI contract").
/// </summary>
public static class CheckCommand
{
    /// <summary>The default <c>--seed</c>.</summary>
    public const ulong DefaultSeed = 1;

    public static Command Create(CliConsoles consoles)
    {
        var tiers = new TierOptions();
        var json = new Option<bool>("--json") { Description = "Write one JSON object per check per line to stdout." };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the random θ, data and extra architectures.",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var command = new Command("check", "Run the derivative battery on built-in random architectures.") { json, seed };
        tiers.AddTo(command);
        command.SetAction(parsed =>
            Execute(new BatteryOptions(tiers.Of(parsed), parsed.GetValue(seed)), parsed.GetValue(json), consoles));
        return command;
    }

    /// <summary>Runs the batteries and reports; returns the exit code.</summary>
    public static int Execute(BatteryOptions options, bool json, CliConsoles consoles, IReadOnlyList<IBattery>? batteries = null)
    {
        var cases = BatteryRunner.Cases(batteries ?? StandardBattery.All, options);
        var (progressWriter, progressIsTerminal) = json
            ? (consoles.Error, consoles.ErrorIsTerminal)
            : (consoles.Out, consoles.OutIsTerminal);
        var progress = progressIsTerminal ? AnsiConsoles.Over(progressWriter, true) : null;
        IReadOnlyList<CheckResult> results = ProgressDisplay.Run(cases, progress);
        if (json)
        {
            foreach (var r in results) JsonLine.Write(consoles.Out, CheckJson.Line(r));
            consoles.Out.Flush();
        }
        else
        {
            ResultTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), results);
        }
        return results.All(r => r.Pass) ? ExitCode.Pass : ExitCode.Fail;
    }
}
