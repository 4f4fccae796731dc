using System.CommandLine;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Reproduce;
using NoiseDrift.Cli.Sweep;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Reproduction;
using Spectre.Console;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift reproduce &lt;matrix-sensing|relu1d|sigmoid|sparse-regression|all&gt; [--quick] [--seed S | --seeds A..B [--shard i/k]] [--out DIR] [--json | --markdown [--verbose]]</c>:
/// the paper's three claims end to end (docs/theory.md §4; docs/design.md "CLI contract"), and the follow-ups' sparse regression
/// (docs/theory.md §7), which <c>all</c> leaves out to keep <c>reproduce all --quick</c> at its few seconds. Prints the verdict table (or JSON lines
/// with the <c>check</c> contract), writes report.md and PNG plots under --out, shows progress on stderr, and exits 1
/// when a verdict fails or one of its power checks is not rejected (docs/theory.md §5: an asserted verdict without power
/// is a failure, not a pass). Once its arguments are accepted it never exits 2: an experiment that cannot run (no regular
/// start, a diverged chain, an engine refusal from deep inside) is one line on stderr naming it and why, and exit 1,
/// while the other experiments still run and their results and report are written.
/// </summary>
public static class ReproduceCommand
{
    /// <summary>The default <c>--seed</c>.</summary>
    public const ulong DefaultSeed = 1;

    public static Command Create(CliConsoles consoles)
    {
        var setting = new Argument<string>("setting") { Description = "matrix-sensing, relu1d, sigmoid, sparse-regression or all (the paper's three)." };
        setting.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            if (!ReproduceSettings.Names.Contains(value))
                result.AddError($"setting: '{value}' is not one of {string.Join(", ", ReproduceSettings.Names)}.");
        });
        var quick = new Option<bool>("--quick") { Description = "Short runs (seconds) with the same verdicts." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per verdict per line to stdout." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the data, start and chains.", DefaultValueFactory = _ => DefaultSeed };
        var output = new Option<string?>("--out") { Description = "Directory for report.md and the PNG plots (with --seeds: one seed-S subdirectory per seed)." };
        var seeds = new Option<string?>("--seeds") { Description = "Run the claims over the seeds A..B (both included) instead of --seed; a sweep row per verdict and power check." };
        var shard = new Option<string?>("--shard") { Description = "With --seeds: run shard i of k (0 ≤ i < k), the seeds A + i, A + i + k, …" };
        var markdown = new Option<bool>("--markdown") { Description = "Print one summary row per setting (with --verbose: every verdict and power check) as Markdown, as pasted in the docs." };
        var verbose = new Option<bool>("--verbose") { Description = "With --markdown: the verdict and power-check tables of each setting." };
        var command = new Command("reproduce", "Reproduce the paper's three claims and the follow-ups' sparse regression end to end, with verdicts, power checks and plots.")
        {
            setting, quick, json, seed, output, seeds, shard, markdown, verbose,
        };
        command.SetAction(parsed =>
        {
            string name = parsed.GetValue(setting)!;
            var form = parsed.GetValue(json) ? ReproduceOutput.Json
                : parsed.GetValue(markdown) ? (parsed.GetValue(verbose) ? ReproduceOutput.MarkdownVerbose : ReproduceOutput.Markdown)
                : ReproduceOutput.Table;
            if (parsed.GetValue(markdown) && (parsed.GetValue(json) || parsed.GetValue(seeds) is not null))
            {
                consoles.Error.WriteLine("noisedrift: --markdown: cannot be combined with --json or --seeds");
                return ExitCode.BadInput;
            }
            if (parsed.GetValue(seeds) is not { } range)
                return Execute(name, parsed.GetValue(quick), parsed.GetValue(seed), parsed.GetValue(output), form, consoles);
            return ReproduceSweep.Execute(name, ReproduceSettings.Select(name), SeedRange.Parse(range),
                parsed.GetValue(shard) is { } sh ? Shard.Parse(sh) : Shard.All, parsed.GetValue(quick), parsed.GetValue(output), parsed.GetValue(json), consoles);
        });
        return command;
    }

    /// <summary>Runs the selected experiments and reports; returns the exit code.</summary>
    public static int Execute(string setting, bool quick, ulong seed, string? outputDirectory, ReproduceOutput form, CliConsoles consoles) =>
        Execute(setting, ReproduceSettings.Select(setting), quick, seed, outputDirectory, form, consoles);

    /// <summary>Runs <paramref name="experiments"/> (named as <paramref name="setting"/> in the report) and reports; returns the exit code.</summary>
    public static int Execute(string setting, IReadOnlyList<ReproduceExperiment> experiments, bool quick, ulong seed,
        string? outputDirectory, ReproduceOutput form, CliConsoles consoles)
    {
        bool json = form == ReproduceOutput.Json;
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(consoles);
        void Stream(Reproduction result)
        {
            foreach (var v in result.Verdicts) JsonLine.Write(consoles.Out, CheckJson.Line(v));
        }
        var sweep = MatrixSensingSweepAhead.Start(experiments, quick, seed, outputDirectory);
        var (results, failures, timings) = ReproduceRun.At(experiments, quick, seed, consoles, json ? Stream : null);
        var verdicts = results.SelectMany(r => r.Verdicts).ToList();
        if (outputDirectory is not null) ReproduceReport.Write(outputDirectory, setting, results, timings, failures, quick, seed, sweep);
        if (form is ReproduceOutput.Markdown or ReproduceOutput.MarkdownVerbose)
            consoles.Out.Write(Markdown(results, failures, form == ReproduceOutput.MarkdownVerbose));
        else if (!json)
        {
            var console = AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal);
            ResultTable.Write(console, verdicts);
            for (int i = 0; i < results.Count; i++)
            {
                console.WriteLine($"{results[i].Setting} ({timings[i].TotalSeconds:F1} s): {results[i].Sentence}");
                foreach (var f in results[i].Figures) console.WriteLine($"  {f.Key}: {f.Value}");
                foreach (var p in results[i].Power) console.WriteLine($"  power, {p.Perturbation}: {(p.Rejected ? "rejected" : p.Gating ? "NOT rejected" : "not rejected (informational)")}");
            }
        }
        return failures.Count == 0 && results.All(r => r.Pass && r.PowerHolds) ? ExitCode.Pass : ExitCode.Fail;
    }

    private static string Markdown(IReadOnlyList<Reproduction> results, IReadOnlyList<ReproduceFailure> failures, bool verbose)
    {
        var md = new System.Text.StringBuilder(MarkdownTable.Settings(results, [.. failures.Select(f => f.Experiment)]));
        if (!verbose) return md.ToString();
        foreach (var r in results)
        {
            md.AppendLine().AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"**{r.Setting}**: {r.Claim}").AppendLine();
            md.Append(MarkdownTable.Verdicts(r.Verdicts)).AppendLine().AppendLine("Power checks (each must be rejected):").AppendLine();
            md.Append(MarkdownTable.Power(r.Power));
        }
        return md.ToString();
    }
}
