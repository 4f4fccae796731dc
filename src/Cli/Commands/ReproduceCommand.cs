using System.CommandLine;
using System.Diagnostics;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Reproduce;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Reproduction;
using Spectre.Console;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift reproduce &lt;matrix-sensing|relu1d|sigmoid|all&gt; [--quick] [--seed S] [--out DIR] [--json]</c>: the
/// paper's three claims end to end (THEORY.md §4; DESIGN.md "CLI contract"). Prints the verdict table (or JSON lines
/// with the <c>check</c> contract), writes report.md and PNG plots under --out, shows progress on stderr, and exits 1
/// when a verdict fails.
/// </summary>
public static class ReproduceCommand
{
    /// <summary>The default <c>--seed</c>.</summary>
    public const ulong DefaultSeed = 1;

    public static Command Create(CliConsoles consoles)
    {
        var setting = new Argument<string>("setting") { Description = "matrix-sensing, relu1d, sigmoid or all." };
        setting.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            if (!ReproduceSettings.Names.Contains(value))
                result.AddError($"setting: '{value}' is not one of {string.Join(", ", ReproduceSettings.Names)}.");
        });
        var quick = new Option<bool>("--quick") { Description = "Short runs (seconds) with the same verdicts." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per verdict per line to stdout." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the data, start and chains.", DefaultValueFactory = _ => DefaultSeed };
        var output = new Option<string?>("--out") { Description = "Directory for report.md and the PNG plots." };
        var command = new Command("reproduce", "Reproduce the paper's three claims end to end, against the controls and the slow flow.")
        {
            setting, quick, json, seed, output,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(setting)!, parsed.GetValue(quick), parsed.GetValue(seed),
            parsed.GetValue(output), parsed.GetValue(json), consoles));
        return command;
    }

    /// <summary>Runs the selected experiments and reports; returns the exit code.</summary>
    public static int Execute(string setting, bool quick, ulong seed, string? outputDirectory, bool json, CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        var experiments = ReproduceSettings.Select(setting);
        var results = new List<Reproduction>();
        var timings = new List<TimeSpan>();
        var progress = consoles.ErrorIsTerminal ? AnsiConsoles.Over(consoles.Error, true) : null;
        foreach (var (name, run) in experiments)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                results.Add(ProgressBar.Run(progress, name, p => run(quick, seed, p)));
            }
            catch (Exception e) when (e is InvalidOperationException or SgdDivergedException)
            {
                // An experiment that cannot produce its verdicts (no regular start, a diverged chain) fails, in one line.
                consoles.Error.WriteLine($"noisedrift: reproduce {name} --seed {seed}: {e.Message}");
                return ExitCode.Fail;
            }
            timings.Add(clock.Elapsed);
        }
        var verdicts = results.SelectMany(r => r.Verdicts).ToList();
        if (outputDirectory is not null) ReproduceReport.Write(outputDirectory, setting, results, timings, quick, seed);
        if (json)
        {
            foreach (var v in verdicts) JsonLine.Write(consoles.Out, CheckJson.Line(v));
            consoles.Out.Flush();
        }
        else
        {
            var console = AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal);
            ResultTable.Write(console, verdicts);
            for (int i = 0; i < results.Count; i++)
            {
                console.WriteLine($"{results[i].Setting} ({timings[i].TotalSeconds:F1} s): {results[i].Sentence}");
                foreach (var f in results[i].Figures) console.WriteLine($"  {f.Key}: {f.Value}");
                foreach (var p in results[i].Power) console.WriteLine($"  power, {p.Perturbation}: {(p.Rejected ? "rejected" : "NOT rejected")}");
            }
        }
        return verdicts.All(v => v.Pass) ? ExitCode.Pass : ExitCode.Fail;
    }
}
