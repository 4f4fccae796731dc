using System.Text.Json;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Battery;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Output;
using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>Exit codes and the JSON-lines shape of <c>noisedrift check</c> (docs/design.md "CLI contract").</summary>
public class CheckCommandTests
{
    [Fact]
    public void QuickJsonRunPassesAndWritesOnlyJsonLines()
    {
        var run = CliRun.Of("check", "--quick", "--json", "--seed", "3");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (string line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            Assert.Equal(JsonValueKind.String, root.GetProperty("check").ValueKind);
            Assert.Equal(JsonValueKind.String, root.GetProperty("case").ValueKind);
            foreach (string number in new[] { "predicted", "measured", "stderr" })
                Assert.Equal(JsonValueKind.Number, root.GetProperty(number).ValueKind);
            Assert.Equal(JsonValueKind.True, root.GetProperty("pass").ValueKind);
        }
        Assert.Contains(lines, l => l.Contains("dag", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("matrix_sensing", StringComparison.Ordinal));
        foreach (string theory in new[] { "\"ou_trace\"", "\"drift_static_along\"", "\"drift_dynamic_along\"", "\"reg_decrease\"", "\"control_sigma0" })
            Assert.Contains(lines, l => l.Contains(theory, StringComparison.Ordinal));
        Assert.Empty(VerdictRule.Violations(lines.Select(CheckJson.Read)));
    }

    [Fact]
    public void TableRunPrintsTheColumnsAndTheVerdict()
    {
        var run = CliRun.Of("check", "--quick");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        foreach (string column in new[] { "check", "case", "predicted", "measured", "stderr", "pass" })
            Assert.Contains(column, run.Out, StringComparison.Ordinal);
        Assert.Contains("all passed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeedSameResults() =>
        Assert.Equal(CliRun.Of("check", "--quick", "--json").Out, CliRun.Of("check", "--quick", "--json").Out);

    [Theory]
    [InlineData("check", "--quick", "--deep")]
    [InlineData("check", "--seed", "minus")]
    [InlineData("check", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    public void BadArgumentsExitTwoWithoutStackTrace(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(ExitCode.BadInput, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSpecExitsTwoWithOneLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"noisedrift-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SpecJson.With(o => o["sgd"]!["etaa"] = 1));
        try
        {
            var run = CliRun.Of("validate", "--spec", path);
            Assert.Equal(ExitCode.BadInput, run.ExitCode);
            Assert.Equal("noisedrift: sgd.etaa: unknown field; expected one of eta, sigma, batch, noise, steps, chains, seed",
                run.Error.TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ValidSpecValidates()
    {
        var run = CliRun.Of("validate", "--spec", CliRun.RepositoryFile("examples/tiny-tanh.json"));
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.StartsWith("ok: mlp 2-[3]-1 tanh, p=13, n=3", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedCheckExitsOne()
    {
        var failing = new FixedBattery(new CheckResult("fake", "case", 1, 2, 0.1, 1, 0.1, false, "off by one"));
        var output = new StringWriter();
        int code = CheckCommand.Execute(new BatteryOptions(Tier.Quick, 1), json: true,
            CliConsoles.Captured(output, new StringWriter()), [failing]);
        Assert.Equal(ExitCode.Fail, code);
        Assert.Contains("\"pass\":false", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AThrowingCaseBecomesAFailedErrorVerdict()
    {
        var output = new StringWriter();
        int code = CheckCommand.Execute(new BatteryOptions(Tier.Quick, 1), json: true,
            CliConsoles.Captured(output, new StringWriter()), [new ThrowingBattery()]);
        Assert.Equal(ExitCode.Fail, code);
        using var document = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("error", document.RootElement.GetProperty("check").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("measured").ValueKind);
    }

    private sealed class FixedBattery(CheckResult result) : IBattery
    {
        public string Name => "fixed";

        public IReadOnlyList<CheckCase> Cases(BatteryOptions options) => [new CheckCase("case", () => [result])];
    }

    private sealed class ThrowingBattery : IBattery
    {
        public string Name => "throwing";

        public IReadOnlyList<CheckCase> Cases(BatteryOptions options) =>
            [new CheckCase("boom", () => throw new InvalidOperationException("boom"))];
    }
}
