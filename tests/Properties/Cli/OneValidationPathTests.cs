using System.Text.Json.Nodes;
using NoiseDrift.Cli;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// One validation path (issue 7, defects 7 and 8): <c>validate</c> says ok only to a spec that <c>predict</c> and
/// <c>simulate</c> accept, and refuses the rest with the same one line; the stability limit is stated once, at θ*,
/// under the spec's field name.
/// </summary>
public class OneValidationPathTests
{
    /// <summary>Named edits of the example spec that predict or simulate refused after validate said ok.</summary>
    private static readonly Dictionary<string, Action<JsonObject>> Edits = new()
    {
        ["odd chains"] = o => o["sgd"]!["chains"] = 7,
        ["too few chains"] = o => o["sgd"]!["chains"] = 2,
        ["n > p"] = o =>
        {
            o["model"] = new JsonObject { ["kind"] = "relu1d", ["width"] = 1 };
            o["data"] = new JsonObject
            {
                ["x"] = new JsonArray(new JsonArray(0.1), new JsonArray(0.2), new JsonArray(0.3), new JsonArray(0.4), new JsonArray(0.5)),
                ["y"] = new JsonArray(0.1, -0.2, 0.3, -0.4, 0.5),
            };
            o.Remove("theta");
            o["sgd"]!["batch"] = 5;
        },
        ["eta at the limit"] = o => o["sgd"]!["eta"] = 0.8481045820014714,
        ["eta beyond the limit"] = o => o["sgd"]!["eta"] = 1.0,
        ["overflowing p"] = o => o["model"]!["hidden"] = new JsonArray(1073741827),
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "odd chains", "sgd.chains" },
        { "too few chains", "sgd.chains" },
        { "n > p", "data" },
        { "eta at the limit", "sgd.eta" },
        { "eta beyond the limit", "sgd.eta" },
        { "overflowing p", "model.hidden" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ValidateRefusesWhatTheOtherCommandsRefuseWithTheSameLine(string edit, string field)
    {
        using var spec = SpecFile.TinyTanh(Edits[edit]);
        string line = CliOutcome.BadInput(CliRun.Of("validate", "--spec", spec.Path), field + ":");
        Assert.Equal(line, CliOutcome.BadInput(CliRun.Of("predict", "--spec", spec.Path, "--json"), field + ":"));
        Assert.Equal(line, CliOutcome.BadInput(CliRun.Of("simulate", "--spec", spec.Path, "--json"), field + ":"));
    }

    [Fact]
    public void ValidateOkMeansEveryCommandAccepts()
    {
        using var spec = SpecFile.TinyTanh();
        var validate = CliRun.Of("validate", "--spec", spec.Path);
        Assert.Equal(ExitCode.Pass, validate.ExitCode);
        Assert.Contains("eta_limit=0.848", validate.Out, StringComparison.Ordinal);
        CliOutcome.Finite(CliRun.Of("predict", "--spec", spec.Path, "--json"));
        CliOutcome.Judged(CliRun.Of("simulate", "--spec", spec.Path, "--json"));
    }

    /// <summary>Defect 8: η just below 2/λ_max at θ* passes; a chain that then blows up is reported against that same limit.</summary>
    [Fact]
    public void ADivergingChainQuotesTheLimitAtThetaStarOnSgdEta()
    {
        using var spec = SpecFile.TinyTanh(o =>
        {
            o["sgd"]!["eta"] = 0.84;
            o["sgd"]!["sigma"] = 0.5;
            o["sgd"]!["steps"] = 100;
        });
        Assert.Equal(ExitCode.Pass, CliRun.Of("validate", "--spec", spec.Path).ExitCode);
        CliOutcome.Finite(CliRun.Of("predict", "--spec", spec.Path, "--json"));
        string line = CliOutcome.BadInput(CliRun.Of("simulate", "--spec", spec.Path, "--json"), "sgd.eta:");
        Assert.Contains("2/λ_max = 0.848", line, StringComparison.Ordinal);
        Assert.DoesNotContain("residualBound", line, StringComparison.Ordinal);
        Assert.DoesNotContain("chain's start", line, StringComparison.Ordinal);
    }
}
