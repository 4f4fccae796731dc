using System.CommandLine;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Cli.Output;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift check [--quick|--deep] [--json | --markdown] [--verbose] [--seed S] [--impl "COMMAND"]</c>: runs the standard battery on the
/// built-in cases (or, with <c>--impl</c>, <see cref="OwnModelCheck"/> on a program's own model), shows a progress bar
/// and a summary table (or JSON lines, or the table in Markdown), and exits 1 if any check fails (docs/design.md "CLI contract").
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
        var impl = new Option<string>("--impl")
        {
            Description = "Check the model a program owns (model kind own, docs/conformance.md) instead of the built-in cases.",
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "List every row under its case (the default lists one line per family, then the failing and notable rows).",
        };
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Print the family summary (with --verbose: every row) as a Markdown table, as pasted in the docs.",
        };
        var timeout = new Option<double>("--timeout") { Description = "With --impl: seconds to wait for each answer (default 600).", DefaultValueFactory = _ => 600 };
        var command = new Command("check", "Run the derivative and theory batteries on built-in cases, or on a program's own model.")
        {
            json, seed, impl, verbose, markdown, timeout,
        };
        tiers.AddTo(command);
        command.SetAction(parsed =>
        {
            var options = new BatteryOptions(tiers.Of(parsed), parsed.GetValue(seed));
            if (parsed.GetValue(markdown) && (parsed.GetValue(json) || parsed.GetValue(impl) is not null))
            {
                consoles.Error.WriteLine("noisedrift: --markdown: cannot be combined with --json or --impl");
                return ExitCode.BadInput;
            }
            if (parsed.GetValue(impl) is not { } program)
                return Execute(options, parsed.GetValue(json), consoles, verbose: parsed.GetValue(verbose), markdown: parsed.GetValue(markdown));
            double seconds = parsed.GetValue(timeout);
            if (!(seconds > 0 && seconds < 1e6))
            {
                consoles.Error.WriteLine($"noisedrift: --timeout: must be a positive number of seconds below 1e6, got {seconds}");
                return ExitCode.BadInput;
            }
            return OwnModelCheck.Execute(program, options, parsed.GetValue(json), TimeSpan.FromSeconds(seconds), consoles);
        });
        return command;
    }

    /// <summary>
    /// Runs the batteries and reports (JSON lines as each case is judged; or the family summary, or with
    /// <paramref name="verbose"/> every row); returns the exit code. <paramref name="workers"/> cases run at a time.
    /// </summary>
    public static int Execute(BatteryOptions options, bool json, CliConsoles consoles, IReadOnlyList<IBattery>? batteries = null,
        bool verbose = false, bool markdown = false, int workers = ProgressDisplay.Workers)
    {
        if (!json && !markdown) TableWarmUp.Start(consoles.OutIsTerminal);
        var cases = BatteryRunner.Cases(batteries ?? StandardBattery.All, options);
        var (progressWriter, progressIsTerminal) = json || markdown
            ? (consoles.Error, consoles.ErrorIsTerminal)
            : (consoles.Out, consoles.OutIsTerminal);
        var progress = progressIsTerminal ? AnsiConsoles.Over(progressWriter, true) : null;
        void Stream(IReadOnlyList<CheckResult> rows)
        {
            foreach (var r in rows) JsonLine.Write(consoles.Out, CheckJson.Line(r));
        }
        IReadOnlyList<CheckResult> results = ProgressDisplay.Run(cases, progress, json ? Stream : null, workers);
        if (markdown)
            consoles.Out.Write(verbose ? MarkdownTable.Verdicts(results) : MarkdownTable.Families(results));
        else if (!json)
        {
            var console = AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal);
            if (verbose) ResultTable.Write(console, results);
            else ResultTable.WriteSummary(console, results);
        }
        return !results.Any(r => r.Fails) ? ExitCode.Pass : ExitCode.Fail;
    }
}
