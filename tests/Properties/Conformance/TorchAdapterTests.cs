using NoiseDrift.Cli.Output;
using NoiseDrift.Properties.Cli;
using NoiseDrift.Theory.Judging;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// <c>check --impl</c> over the PyTorch adapter on the 1-D convolutional example (docs/conformance.md,
/// section 3): the adapter passes every derivative and theory row with enough power, and each
/// deliberately broken copy is rejected on the rows its bug lives in. Torch starts slowly, so these are the only
/// torch processes of the default tests: one per adapter copy, and one for a model file written from the README alone.
/// </summary>
public sealed class TorchAdapterTests(ITestOutputHelper output)
{
    private static readonly string[] Families =
        ["own:jacobian", "own:hvp", "own:hessian_symmetry", "own:reg", "own:grad_reg", "run:ou_cov trace", "run:drift", "run:reg_decrease"];

    /// <summary>
    /// The shipped example (conv1d) and a model file written from the README alone (single-head self-attention, p = 31,
    /// whose plan needs 8× the chains for the power against batches with replacement): every row passes, with power.
    /// </summary>
    [TorchTheory]
    [InlineData("conv1d.py")]
    [InlineData("attention.py")]
    public void AModelFilePassesEveryRowWithEnoughPower(string modelFile)
    {
        var (run, rows) = Check("noisedrift_torch.py", modelFile);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        foreach (var family in Families) Assert.Contains(rows, r => r.Check == family);
        Assert.All(rows, r => Assert.True(r.Pass, $"{r.Check}: {r.Detail}"));
        Assert.Equal(6, run.Error.Split('\n').Count(l => l.StartsWith("power ok ", StringComparison.Ordinal)));
    }

    /// <summary>A module whose forward has no vmap batching rule (nn.GRUCell) is refused on hello with the reason, before any check runs.</summary>
    [TorchFact]
    public void AModuleThatCannotRunUnderVmapIsRefusedWithTheReason()
    {
        string python = TorchFactAttribute.RequirePython();
        string script = Path.Combine(RepositoryPaths.Conformance, "adapters", "torch", "noisedrift_torch.py");
        string model = Path.Combine(RepositoryPaths.Conformance, "adapters", "torch", "broken", "models", "gru_cell.py");
        var run = CliRun.Of("check", "--impl", $"'{python}' '{script}' --model '{model}'", "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("does not run under functorch's vmap", run.Error, StringComparison.Ordinal);
    }

    [TorchFact]
    public void NoiseScaleSigmaSqrt2FailsTheRunRowsOnly()
    {
        var (run, rows) = Check(Path.Combine("broken", "noise_sqrt2.py"));
        Assert.Equal(1, run.ExitCode);
        Assert.All(rows.Where(r => r.Check.StartsWith("own:", StringComparison.Ordinal)), r => Assert.True(r.Pass, r.Check));
        foreach (var check in new[] { "run:ou_cov trace", "run:drift", "run:reg_decrease" })
            Assert.False(rows.Single(r => r.Check == check).Pass, check);
    }

    [TorchFact]
    public void AnHvpWithoutTheSecondDerivativeFailsTheHvpRow()
    {
        var (run, rows) = Check(Path.Combine("broken", "hvp_without_second_derivative.py"));
        Assert.Equal(1, run.ExitCode);
        Assert.False(rows.Single(r => r.Check == "own:hvp").Pass);
        Assert.False(rows.Single(r => r.Check == "run:reg_decrease").Pass);
    }

    [TorchFact]
    public void WithoutAModelItIsCertifiedAsAnMlpReference()
    {
        string script = Path.Combine(RepositoryPaths.Conformance, "adapters", "torch", "noisedrift_torch.py");
        var run = CliRun.Of("certify", "--impl", $"'{TorchFactAttribute.RequirePython()}' '{script}'", "--cases", "quick");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("certified: forward, jacobian, reg, grad_reg, hvp, sgd_step, run on model kinds mlp;", run.Out, StringComparison.Ordinal);
    }

    private (CliRun Run, IReadOnlyList<CheckResult> Rows) Check(string adapter, string modelFile = "conv1d.py")
    {
        string python = TorchFactAttribute.RequirePython();
        string script = Path.Combine(RepositoryPaths.Conformance, "adapters", "torch", adapter);
        string model = CliRun.RepositoryFile(Path.Combine("examples", "torch", modelFile));
        var run = CliRun.Of("check", "--impl", $"'{python}' '{script}' --model '{model}'", "--json", "--seed", "1");
        var rows = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CheckJson.Read).ToArray();
        foreach (var r in rows)
        {
            output.WriteLine($"{adapter}: {r.Check}: |diff| / tolerance = {Math.Abs(r.Measured - r.Predicted) / r.Tolerance:0.##e0}");
            Assert.True(r.Pass == Math.Abs(r.Measured - r.Predicted) <= r.Tolerance, r.Check);
        }
        return (run, rows);
    }
}
