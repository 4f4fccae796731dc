using System.Text.Json;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary><c>noisedrift reproduce</c> (THEORY.md §4): exit codes, JSON lines with the check contract, report and PNGs.</summary>
public sealed class ReproduceCommandTests
{
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
        var directory = Path.Combine(Path.GetTempPath(), "noisedrift-reproduce-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRun.Of("reproduce", "sigmoid", "--quick", "--json", "--out", directory);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(18, lines.Length); // 3 cases × 6 verdicts
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                foreach (var field in new[] { "check", "case", "predicted", "measured", "stderr", "pass" })
                    Assert.True(json.RootElement.TryGetProperty(field, out _), field);
            }
            var report = File.ReadAllText(Path.Combine(directory, "report.md"));
            Assert.Contains("| sig_carriers |", report, StringComparison.Ordinal);
            foreach (var png in Directory.GetFiles(directory, "*.png"))
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
            Assert.Equal(4, Directory.GetFiles(directory, "*.png").Length);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }
}
