using System.Text.Json;
using System.Text.Json.Nodes;
using NoiseDrift.Cli;
using NoiseDrift.Cli.Output;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// <c>noisedrift predict</c> and <c>simulate</c> (docs/design.md "CLI contract"): the JSON fields are present, finite and of
/// the right lengths; θ* is taken from the spec, projected onto M or found from the seed; bad input exits 2 with one
/// line naming the field. Runs are tiny (20 steps, 8 chains).
/// </summary>
public class PredictSimulateTests
{
    private const int P = 13, N = 3;

    private static readonly string[] PredictedFields = ["grad_reg", "p_grad_reg", "drift_leading", "drift_exact"];

    [Fact]
    public void PredictJsonHasEveryFieldFinite()
    {
        using var spec = SpecFile.TinyTanh();
        var run = CliRun.Of("predict", "--spec", spec.Path, "--json");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.Empty(run.Error);
        var root = SingleObject(run.Out);
        AssertPredictions(root);
        Assert.Equal("spec", root.GetProperty("theta_source").GetString());
    }

    [Fact]
    public void SimulateJsonHasEveryFieldFinite()
    {
        using var spec = SpecFile.TinyTanh();
        var run = CliRun.Of("simulate", "--spec", spec.Path, "--json");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.Empty(run.Error);
        var root = SingleObject(run.Out);
        AssertPredictions(root);
        Assert.Equal(P, FiniteVector(root, "drift_measured").Length);
        Assert.All(FiniteVector(root, "drift_stderr"), se => Assert.True(se >= 0));
        Assert.Equal(N, FiniteVector(root, "ou_cov_measured").Length);
        Assert.True(FiniteVector(root, "ou_cov_measured").SequenceEqual(FiniteVector(root, "ou_cov_measured").Order()));
        var steps = root.GetProperty("reg_trace").EnumerateArray().Select(s => s.GetProperty("step").GetInt32()).ToArray();
        Assert.Equal(0, steps[0]);
        Assert.Equal(20, steps[^1]);
        Assert.All(root.GetProperty("reg_trace").EnumerateArray(), s => Assert.True(double.IsFinite(s.GetProperty("reg").GetDouble())));
        foreach (string name in new[] { "reg_change_measured", "reg_change_stderr", "ou_trace_measured", "drift_along_exact_measured" })
            Assert.True(double.IsFinite(root.GetProperty(name).GetDouble()), name);
    }

    /// <summary>
    /// <c>simulate</c> on <c>examples/drift5.json</c> judges its run (issue 32): the θ*-fixed reg change is tens of standard
    /// errors from the measured one (the moving base point), the verdict carries the moving mean and passes, and the
    /// θ*-fixed rate would be rejected by that verdict's own tolerance, so the row can fail.
    /// </summary>
    [Fact]
    public void SimulateJudgesTheDrift5RunWithTheMovingMean()
    {
        var run = CliRun.Of("simulate", "--spec", CliRun.RepositoryFile(Path.Combine("examples", "drift5.json")), "--json");
        var root = CliOutcome.Judged(run);
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        var verdicts = root.GetProperty("verdicts").EnumerateArray().Select(CheckJson.Read).ToList();
        foreach (string check in new[] { "ou_trace", "drift_dynamic_along", "drift_dynamic_components", "reg_decrease", "ou_mean_along" })
            Assert.Contains(verdicts, v => v.Check == check);
        Assert.All(verdicts, v => Assert.True(v.Pass && Math.Abs(v.Measured - v.Predicted) <= v.Tolerance, v.Check));
        var reg = verdicts.Single(v => v.Check == "reg_decrease");
        double thetaStarFixed = root.GetProperty("reg_change_exact").GetDouble();
        Assert.True(Math.Abs(reg.Measured - thetaStarFixed) > reg.Tolerance,
            $"the θ*-fixed rate {thetaStarFixed} is within the verdict's tolerance {reg.Tolerance} of {reg.Measured}");
    }

    [Fact]
    public void SimulateIsDeterministic()
    {
        using var spec = SpecFile.TinyTanh();
        Assert.Equal(CliRun.Of("simulate", "--spec", spec.Path, "--json").Out, CliRun.Of("simulate", "--spec", spec.Path, "--json").Out);
    }

    [Theory]
    [InlineData("predict", "eta_limit")]
    [InlineData("simulate", "drift along d_exact")]
    public void TablesArePlainTextWhenRedirected(string command, string row)
    {
        using var spec = SpecFile.TinyTanh();
        var run = CliRun.Of(command, "--spec", spec.Path);
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.Contains(row, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentThetaIsFoundFromTheSeed()
    {
        using var spec = SpecFile.TinyTanh(o => o.Remove("theta"));
        var run = CliRun.Of("simulate", "--spec", spec.Path, "--json");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.Contains("sgd.seed", run.Error, StringComparison.Ordinal);
        var root = SingleObject(run.Out);
        Assert.Equal("found", root.GetProperty("theta_source").GetString());
        AssertPredictions(root);
    }

    [Fact]
    public void ThetaOffTheManifoldIsProjectedWithANote()
    {
        using var spec = SpecFile.TinyTanh(o => o["theta"]![0] = 0.51);
        var run = CliRun.Of("predict", "--spec", spec.Path, "--json");
        Assert.Equal(ExitCode.Pass, run.ExitCode);
        Assert.Contains("off the zero-loss manifold", run.Error, StringComparison.Ordinal);
        var root = SingleObject(run.Out);
        Assert.Equal("projected", root.GetProperty("theta_source").GetString());
        Assert.NotEqual(0.51, root.GetProperty("theta")[0].GetDouble());
    }

    /// <summary>Named edits of the example spec (theory data must be serializable, so cases refer to them by name).</summary>
    private static readonly Dictionary<string, Action<JsonObject>> Edits = new()
    {
        ["odd chains"] = o => o["sgd"]!["chains"] = 7,
        ["one pair"] = o => o["sgd"]!["chains"] = 2,
        ["eta beyond 2/λmax"] = o => o["sgd"]!["eta"] = 1.0,
        ["minibatch map diverges"] = o => { o["sgd"]!["batch"] = 1; o["sgd"]!["eta"] = 0.8; },
        ["unknown field"] = o => o["sgd"]!["etaa"] = 1,
        ["text in x"] = o => o["data"]!["x"]![0]![0] = "a",
    };

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "simulate", "odd chains", "sgd.chains" },
        { "simulate", "one pair", "sgd.chains" },
        { "predict", "eta beyond 2/λmax", "sgd.eta" },
        { "simulate", "eta beyond 2/λmax", "sgd.eta" },
        { "predict", "minibatch map diverges", "sgd.eta" },
        { "predict", "unknown field", "sgd.etaa" },
        { "simulate", "text in x", "data.x[0][0]" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwoNamingTheField(string command, string edit, string field)
    {
        using var spec = SpecFile.TinyTanh(Edits[edit]);
        var run = CliRun.Of(command, "--spec", spec.Path, "--json");
        Assert.Equal(ExitCode.BadInput, run.ExitCode);
        Assert.Empty(run.Out);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"noisedrift: {field}:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EtaBeyondTheLimitNamesTheLimit()
    {
        using var spec = SpecFile.TinyTanh(o => o["sgd"]!["eta"] = 1.0);
        var run = CliRun.Of("predict", "--spec", spec.Path);
        Assert.Equal(ExitCode.BadInput, run.ExitCode);
        Assert.Contains("2/λ_max = 0.848", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("simulate")]
    public void MissingSpecFileExitsTwo(string command)
    {
        var run = CliRun.Of(command, "--spec", "no-such-spec.json");
        Assert.Equal(ExitCode.BadInput, run.ExitCode);
        Assert.StartsWith("noisedrift: --spec:", run.Error, StringComparison.Ordinal);
    }

    private static void AssertPredictions(JsonElement root)
    {
        Assert.True(double.IsFinite(root.GetProperty("reg").GetDouble()));
        foreach (string name in PredictedFields) Assert.Equal(P, FiniteVector(root, name).Length);
        var ou = FiniteVector(root, "ou_cov");
        Assert.Equal(N, ou.Length);
        Assert.True(ou.SequenceEqual(ou.Order()) && ou[0] > 0);
        Assert.True(root.GetProperty("eta_limit").GetDouble() > 0);
    }

    private static double[] FiniteVector(JsonElement root, string name)
    {
        var values = root.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.All(values, v => Assert.True(double.IsFinite(v), name));
        return values;
    }

    private static JsonElement SingleObject(string output)
    {
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
