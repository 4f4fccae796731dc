using System.Text.Json;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Reproduce;
using NoiseDrift.Engine.Validation;
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
            Assert.Equal(18, lines.Length); // 3 cases × 6 verdicts
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
            Assert.Equal(4, Directory.GetFiles(directory, "*.png").Length);
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
            int code = ReproduceCommand.Execute("all", [broken, sigmoid], quick: true, seed: 1, directory, json: true,
                CliConsoles.Captured(output, error));
            Assert.Equal(1, code);
            var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("reproduce broken --seed 1: could not run: eta: must be positive", line, StringComparison.Ordinal);
            Assert.Equal(18, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var report = File.ReadAllText(Path.Combine(directory, "report.md"));
            Assert.Contains("| sig_carriers |", report, StringComparison.Ordinal);
            Assert.Contains("## broken: could not run", report, StringComparison.Ordinal);
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
