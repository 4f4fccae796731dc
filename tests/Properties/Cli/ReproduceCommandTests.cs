using System.Text.Json;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Reproduce;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary><c>noisedrift reproduce</c> (docs/theory.md §4): exit codes, JSON lines with the check contract, report and PNGs.</summary>
public sealed class ReproduceCommandTests
{
    private static readonly string[] JsonFields = ["check", "case", "predicted", "measured", "stderr", "pass"];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    [Fact]
    public void UnknownSettingExitsTwoWithOneLine()
    {
        var run = CliRun.Of("reproduce", "resnet");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("resnet", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void QuickSigmoidWritesJsonLinesReportAndPngs()
    {
        InTemporaryDirectory(directory =>
        {
            var run = CliRun.Of("reproduce", "sigmoid", "--quick", "--json", "--out", directory);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(28, lines.Length); // 4 cases × 7 verdicts
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                foreach (var field in JsonFields)
                    Assert.True(json.RootElement.TryGetProperty(field, out _), field);
            }
            var report = File.ReadAllText(Path.Combine(directory, "report.md"));
            Assert.Contains("| sig_carriers |", report, StringComparison.Ordinal);
            foreach (var png in Directory.GetFiles(directory, "*.png"))
                Assert.Equal(PngSignature, File.ReadAllBytes(png)[..4]);
            Assert.Equal(5, Directory.GetFiles(directory, "*.png").Length); // reg per case, and the shares
        });
    }

    /// <summary>
    /// Seed 10 once ended <c>reproduce sigmoid</c> with exit 2 (<c>eta: must be positive and finite, got Infinity</c>:
    /// a saturated draw has G = 0, and the sigmoid start was not retried) and no report. Its start is now reached by
    /// <c>ManifoldStart.ByDescent</c> with the retry, and an experiment that cannot run is exit 1, never 2.
    /// </summary>
    [Fact]
    public void SigmoidSeedTenExitsZeroOrOneWithAReport()
    {
        InTemporaryDirectory(directory =>
        {
            var run = CliRun.Of("reproduce", "sigmoid", "--quick", "--seed", "10", "--out", directory);
            Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Error}");
            var report = File.ReadAllText(Path.Combine(directory, "report.md"));
            Assert.Contains("| sig_carriers |", report, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// An experiment that throws (here the engine's <see cref="InvalidInputException"/> from deep inside, as seed 10 did)
    /// is one stderr line naming it and exit 1; the next experiment still runs, and its JSON lines and report are written.
    /// </summary>
    [Fact]
    public void AnExperimentThatCannotRunDoesNotStopTheOthers()
    {
        InTemporaryDirectory(directory =>
        {
            var broken = new ReproduceExperiment("broken", (_, _, _) =>
                throw new InvalidInputException("eta", "must be positive and finite, got Infinity"));
            var sigmoid = new ReproduceExperiment("sigmoid", (quick, seed, p) => SigmoidExperiment.Run(SigmoidExperiment.Plan(quick, seed), p));
            var output = new StringWriter();
            var error = new StringWriter();
            int code = ReproduceCommand.Execute("all", [broken, sigmoid], quick: true, seed: 1, directory, ReproduceOutput.Json,
                CliConsoles.Captured(output, error));
            Assert.Equal(1, code);
            var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("reproduce broken --seed 1: could not run: eta: must be positive", line, StringComparison.Ordinal);
            Assert.Equal(28, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var report = File.ReadAllText(Path.Combine(directory, "report.md"));
            Assert.Contains("| sig_carriers |", report, StringComparison.Ordinal);
            Assert.Contains("## broken: could not run", report, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// With <c>--json</c> each experiment's rows are written as soon as it is judged (issue 32): the first experiment's
    /// rows are on stdout before the second one starts.
    /// </summary>
    [Fact]
    public void JsonRowsAreWrittenAsEachExperimentIsJudged()
    {
        var ms = MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(true, 1));
        var output = new StringWriter();
        string? seenBeforeSecond = null;
        var first = new ReproduceExperiment("first", (_, _, _) => ms);
        var second = new ReproduceExperiment("second", (_, _, _) =>
        {
            seenBeforeSecond = output.ToString();
            return ms;
        });
        ReproduceCommand.Execute("all", [first, second], quick: true, seed: 1, null, ReproduceOutput.Json,
            CliConsoles.Captured(output, new StringWriter()));
        Assert.Equal(ms.Verdicts.Count, seenBeforeSecond!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2 * ms.Verdicts.Count, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// A power check that is not rejected makes the run exit 1 (docs/theory.md §5), even when every verdict passes; the
    /// same run with the check rejected exits 0.
    /// </summary>
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void AnUnrejectedPowerCheckExitsOne(bool rejected, int expected)
    {
        var ms = MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(true, 1));
        var verdict = ms.Verdicts[0];
        var power = new PowerResult("wrong prediction", verdict with { Pass = !rejected });
        var fake = new ReproduceExperiment("matrix-sensing", (_, _, _) => ms with { Power = [power] });
        int code = ReproduceCommand.Execute("matrix-sensing", [fake], quick: true, seed: 1, null, ReproduceOutput.Json,
            CliConsoles.Captured(new StringWriter(), new StringWriter()));
        Assert.Equal(expected, code);
    }

    /// <summary>
    /// An informational power check (the ReLU end-state rows' half-speed flow once the flow has converged by T/2,
    /// docs/theory.md §4.2) that is not rejected leaves the exit code 0 and PowerHolds true; the same check gating exits 1.
    /// </summary>
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void AnUnrejectedInformationalPowerCheckDoesNotFailTheRun(bool informational, int expected)
    {
        var ms = MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(true, 1));
        var power = new PowerResult("flow at half speed", ms.Verdicts[0] with { Pass = true }, informational);
        var faked = ms with { Power = [power] };
        var fake = new ReproduceExperiment("matrix-sensing", (_, _, _) => faked);
        int code = ReproduceCommand.Execute("matrix-sensing", [fake], quick: true, seed: 1, null, ReproduceOutput.Json,
            CliConsoles.Captured(new StringWriter(), new StringWriter()));
        Assert.Equal(expected, code);
        Assert.Equal(informational, faked.PowerHolds);
    }

    /// <summary>
    /// <c>--seeds A..B --shard i/k --json</c> writes sweep rows (seed first) for the shard's seeds only, verdicts and power
    /// checks alike, and <c>merge</c> reads them with a pass rate per claim.
    /// </summary>
    [Fact]
    public void SeedsWriteSweepRowsThatMergeReads()
    {
        InTemporaryDirectory(directory =>
        {
            var run = CliRun.Of("reproduce", "matrix-sensing", "--quick", "--seeds", "5..6", "--shard", "1/2", "--json");
            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line => Assert.StartsWith("{\"seed\":6,", line, StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("\"check\":\"ms_recovery power\"", StringComparison.Ordinal));
            Directory.CreateDirectory(directory);
            string file = Path.Combine(directory, "shard1.jsonl");
            File.WriteAllText(file, run.Out);
            var merged = CliRun.Of("merge", file, "--json");
            Assert.Equal(0, merged.ExitCode);
            Assert.Contains("\"pass_rate\":1", merged.Out, StringComparison.Ordinal);
        });
    }

    private static void InTemporaryDirectory(Action<string> test)
    {
        var directory = Path.Combine(Path.GetTempPath(), "noisedrift-reproduce-" + Guid.NewGuid().ToString("N"));
        try
        {
            test(directory);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }
}
