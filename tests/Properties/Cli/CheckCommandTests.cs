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
    public void TableRunPrintsOneLinePerFamilyWithinTheWidth()
    {
        var run = CliRun.Of("check", "--quick");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        foreach (string column in new[] { "family", "rows", "worst", "pass", "ou_eigen*", "control_sigma0_relaxation_components" })
            Assert.Contains(column, run.Out, StringComparison.Ordinal);
        Assert.Contains("all passed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
        AssertWithinWidth(run.Out);
    }

    [Fact]
    public void VerboseTableListsEveryRowUnderItsCaseWithItsMargin()
    {
        var json = CliRun.Of("check", "--quick", "--json", "--seed", "2").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(CheckJson.Read).ToList();
        var run = CliRun.Of("check", "--quick", "--verbose", "--seed", "2");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        foreach (string column in new[] { "check", "predicted", "measured", "stderr", "tolerance", "|m-p|/tol", "pass" })
            Assert.Contains(column, run.Out, StringComparison.Ordinal);
        var lines = run.Out.Split('\n');
        foreach (var caseName in json.Select(r => r.Case).Distinct())
            Assert.Contains(lines, l => l == caseName || (caseName.Length >= ResultTable.Width && l.EndsWith('…')));
        Assert.Equal(json.Count, lines.Count(l => l.TrimEnd().EndsWith("pass", StringComparison.Ordinal) &&
            l.StartsWith("  ", StringComparison.Ordinal) && !l.Contains("predicted", StringComparison.Ordinal)));
        AssertWithinWidth(run.Out);
    }

    [Fact]
    public void AFailingRowShowsItsMarginAndDetailInTheTable()
    {
        var failing = new FixedBattery(new CheckResult("fake", "case", 1, 2, 0.1, 1, 0.1, false, "off by one"));
        var output = new StringWriter();
        int code = CheckCommand.Execute(new BatteryOptions(Tier.Quick, 1), json: false,
            CliConsoles.Captured(output, new StringWriter()), [failing]);
        Assert.Equal(ExitCode.Fail, code);
        string text = output.ToString();
        Assert.Contains("fake", text, StringComparison.Ordinal);
        Assert.Contains("5", text, StringComparison.Ordinal); // |2 − 1| / (1 · 0.1 + 0.1)
        Assert.Contains("      off by one", text, StringComparison.Ordinal);
        Assert.Contains("1 checks, 1 failed", text, StringComparison.Ordinal);
        AssertWithinWidth(text);
    }

    [Fact]
    public void JsonRowsAreWrittenAsEachCaseIsJudged()
    {
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text); // its writes lock the writer itself
        string Seen()
        {
            lock (output) return text.ToString();
        }
        string? seenBeforeSecondCase = null;
        // Cases run two at a time, so the second may start before the first is judged: it waits (at most 20 s) for the
        // first case's row to be written, which happens only if rows stream as each case is judged.
        var battery = new CasesBattery(
            new CheckCase("first", () => [VerdictRule.Exact("one", "first", 0, 0, 1, "")]),
            new CheckCase("second", () =>
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                seenBeforeSecondCase = Seen();
                while (!seenBeforeSecondCase.Contains("\"check\":\"one\"", StringComparison.Ordinal) && waited.Elapsed.TotalSeconds < 20)
                {
                    Thread.Sleep(10);
                    seenBeforeSecondCase = Seen();
                }
                return [VerdictRule.Exact("two", "second", 0, 0, 1, "")];
            }));
        CheckCommand.Execute(new BatteryOptions(Tier.Quick, 1), json: true, CliConsoles.Captured(output, new StringWriter()), [battery]);
        Assert.Contains("\"check\":\"one\"", seenBeforeSecondCase, StringComparison.Ordinal);
        Assert.DoesNotContain("\"check\":\"two\"", seenBeforeSecondCase, StringComparison.Ordinal);
    }

    /// <summary>
    /// A JSON row carries its tolerance's parts, so a reader gets z and the bias as judged, not recovered from the
    /// tolerance under the suite's z (issue 26); a row from an older build, without them, is still read that way.
    /// </summary>
    [Fact]
    public void JsonRowsCarryZAndTheBias()
    {
        var row = new CheckResult("union", "case", 1, 1.5, 0.1, 3.5, 0.25, true, "judged under another budget");
        var back = CheckJson.Read(CheckJson.Line(row));
        Assert.Equal((row.Z, row.Bias, row.Tolerance), (back.Z, back.Bias, back.Tolerance));
        var old = CheckJson.Read("{\"check\":\"c\",\"case\":\"k\",\"predicted\":1,\"measured\":1,\"stderr\":0.1,\"pass\":true,\"tolerance\":1}");
        Assert.Equal(SuiteBudget.Budget.Z, old.Z);
        Assert.Equal(1 - SuiteBudget.Budget.Z * 0.1, old.Bias, 12);
    }

    [Theory]
    [InlineData("ou_eigen3", "ou_eigen*")]
    [InlineData("ou_mean_eigen1_half", "ou_mean_eigen*_half")]
    [InlineData("run:ou_cov eigen[12]", "run:ou_cov eigen[*]")]
    [InlineData("control_sigma0_relaxation_along", "control_sigma0_relaxation_along")]
    [InlineData("reg_decrease", "reg_decrease")]
    public void FamiliesReplaceTheIndexOnly(string check, string family) => Assert.Equal(family, CheckFamilies.Family(check));

    /// <summary>The contract is 120 columns, stated here and not read from the table, so a wider table goes red.</summary>
    private static void AssertWithinWidth(string text) =>
        Assert.All(text.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 120, $"{l.Length} columns: {l}"));

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

    private sealed class CasesBattery(params CheckCase[] cases) : IBattery
    {
        public string Name => "cases";

        public IReadOnlyList<CheckCase> Cases(BatteryOptions options) => cases;
    }

    private sealed class ThrowingBattery : IBattery
    {
        public string Name => "throwing";

        public IReadOnlyList<CheckCase> Cases(BatteryOptions options) =>
            [new CheckCase("boom", () => throw new InvalidOperationException("boom"))];
    }
}
