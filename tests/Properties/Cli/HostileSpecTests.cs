using System.CommandLine;
using System.Text.Json.Nodes;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Cli.SpecRun;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// Regression tests for legal-looking specs that crashed the CLI or printed non-finite results with exit 0 (issue 7,
/// defects 1–6, 9, 11). Each ends with exit 0 and finite output, or exit 2 naming the spec field.
/// </summary>
public class HostileSpecTests
{
    /// <summary>Defect 1: σ = 0 (plain GD) and σ = 1e-300 have a zero (or underflowing) S: the start is θ* itself.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    public void TinySigmaSimulatesPlainGradientDescent(double sigma)
    {
        using var spec = SpecFile.TinyTanh(o => o["sgd"]!["sigma"] = sigma);
        CliOutcome.Finite(CliRun.Of("predict", "--spec", spec.Path, "--json"));
        var root = CliOutcome.Judged(CliRun.Of("simulate", "--spec", spec.Path, "--json"));
        Assert.All(root.GetProperty("drift_measured").EnumerateArray(), d => Assert.True(Math.Abs(d.GetDouble()) < 1e-12));
    }

    /// <summary>Defect 2: chains far from M cannot be projected; that is reported, not a crash.</summary>
    [Fact]
    public void ChainsThatCannotBeProjectedAreCountedNotFatal()
    {
        using var spec = SpecFile.TinyTanh(o => o["sgd"]!["sigma"] = 60);
        var run = CliRun.Of("simulate", "--spec", spec.Path, "--json");
        if (run.ExitCode == ExitCode.BadInput)
        {
            Assert.Contains("projected", CliOutcome.BadInput(run, "sgd.sigma"), StringComparison.Ordinal);
            return;
        }
        var root = CliOutcome.Finite(run);
        Assert.Contains(root.GetProperty("reg_trace").EnumerateArray(), s => s.GetProperty("unprojected").GetInt32() > 0);
        Assert.Contains("could not be projected", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Defect 3: σ = 1e300 overflows S (∝ σ²).</summary>
    [Theory]
    [InlineData("predict")]
    [InlineData("simulate")]
    public void HugeSigmaIsRefusedOnSigma(string command)
    {
        using var spec = SpecFile.TinyTanh(o => o["sgd"]!["sigma"] = 1e300);
        CliOutcome.BadInput(CliRun.Of(command, "--spec", spec.Path, "--json"), "sgd.sigma:");
    }

    /// <summary>Defect 4: p computed in 32 bits wrapped around (to 13, or negative).</summary>
    [Theory]
    [InlineData("validate", 1073741827)]
    [InlineData("predict", 1073741827)]
    [InlineData("validate", 1000000000)]
    [InlineData("simulate", 1000000000)]
    public void OverflowingParameterCountIsRefused(string command, int width)
    {
        using var spec = SpecFile.TinyTanh(o => o["model"]!["hidden"] = new JsonArray(width));
        string line = CliOutcome.BadInput(CliRun.Of(command, "--spec", spec.Path), "model.hidden");
        Assert.DoesNotContain("p=", line, StringComparison.Ordinal);
    }

    /// <summary>Defect 4: an exponent-form integer is read as the integer it is, so its size is checked too.</summary>
    [Fact]
    public void ExponentFormWidthIsAnIntegerAndItsSizeIsChecked()
    {
        using var spec = SpecFile.TinyTanh(o => { o["model"]!["hidden"] = new JsonArray(1e8); o.Remove("theta"); });
        string line = CliOutcome.BadInput(CliRun.Of("validate", "--spec", spec.Path), "");
        Assert.Contains("GB", line, StringComparison.Ordinal);
    }

    /// <summary>Defect 5: the memory a run needs is estimated before anything is allocated.</summary>
    [Theory]
    [InlineData(1_000_000_000, 3)]
    [InlineData(1_000_000, 20_000)]
    public void RunsThatDoNotFitInMemoryAreRefused(int chains, int width)
    {
        using var spec = SpecFile.TinyTanh(o =>
        {
            o["sgd"]!["chains"] = chains;
            o["model"]!["hidden"] = new JsonArray(width);
            o.Remove("theta");
        });
        foreach (string command in new[] { "validate", "simulate" })
        {
            string line = CliOutcome.BadInput(CliRun.Of(command, "--spec", spec.Path), "sgd.chains:");
            Assert.Contains("TotalAvailableMemoryBytes", line, StringComparison.Ordinal);
        }
    }

    /// <summary>Defect 5: a spec file is read up to a cap, so /dev/zero cannot fill the memory.</summary>
    [Fact]
    public void AnEndlessSpecFileIsRefusedAtTheCap()
    {
        if (!File.Exists("/dev/zero")) return;
        string line = CliOutcome.BadInput(CliRun.Of("validate", "--spec", "/dev/zero"), "--spec:");
        Assert.Contains("64 MB", line, StringComparison.Ordinal);
    }

    /// <summary>Defect 6: a non-finite intermediate is bad input naming the field that caused it.</summary>
    [Theory]
    [InlineData("predict")]
    [InlineData("simulate")]
    public void OverflowingDataIsRefusedOnDataX(string command)
    {
        using var spec = SpecFile.TinyTanh(o => o["data"]!["x"]![0]![0] = 1e308);
        CliOutcome.BadInput(CliRun.Of(command, "--spec", spec.Path, "--json"), "data.x");
    }

    /// <summary>Defect 9: the snapshot interval of a 2³¹ − 9 step run overflowed.</summary>
    [Fact]
    public void HugeStepCountsPlanWithoutOverflow()
    {
        var spec = SpecReader.Parse(SpecJson.With(o => o["sgd"]!["steps"] = int.MaxValue - 8));
        var plan = Simulation.PlanFor(spec.Sgd);
        Assert.Equal(int.MaxValue - 8, plan.Steps);
        Assert.Equal(214748364, plan.SampleEvery);
    }

    /// <summary>Defect 11: an unexpected exception is exit 1 and one line naming the command, the spec and the type.</summary>
    [Fact]
    public void AnUnexpectedExceptionIsOneLineWithExitOne()
    {
        var spec = new Option<string>("--spec");
        var boom = new Command("boom") { spec };
        boom.SetAction(new Func<ParseResult, int>(_ => throw new AggregateException(new InvalidCastException("deep inside"))));
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(["boom", "--spec", "some.json"], CliConsoles.Captured(output, error), new RootCommand { boom });
        Assert.Equal(ExitCode.Fail, code);
        Assert.Empty(output.ToString());
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("boom", line, StringComparison.Ordinal);
        Assert.Contains("some.json", line, StringComparison.Ordinal);
        Assert.Contains("InvalidCastException", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }
}
