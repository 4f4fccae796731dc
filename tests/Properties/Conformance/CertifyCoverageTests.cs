using NoiseDrift.Conformance.Adapters;
using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Properties.Cli;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// A certificate says what it covers (docs/conformance.md "Verdicts"): a tanh-only adapter is judged on its tanh cases
/// and everything else is listed as not covered; a program offering less than the minimum op set is never certified.
/// </summary>
public sealed class CertifyCoverageTests
{
    [Fact]
    public void ATanhOnlyAdapterIsCertifiedOnlyForWhatItCovers()
    {
        string python = RepositoryPaths.NumpyPython ?? throw new InvalidOperationException(
            "no Python with NumPy found (tried /usr/bin/python3 and python3): install Debian's python3-numpy");
        string adapter = Path.Combine(RepositoryPaths.Conformance, "adapters", "python", "fixtures", "tanh_only.py");
        var run = CliRun.Of("certify", "--impl", $"'{python}' '{adapter}'", "--cases", "standard");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("certified: forward, jacobian, reg, grad_reg, hvp, sgd_step, run on model kinds mlp; activations tanh; 2 cases",
            run.Out, StringComparison.Ordinal);
        foreach (var line in new[]
                 {
                     "not certified (model kind dag: not offered)", "not certified (case mlp-gelu-2x3: activation gelu not offered)",
                     "not certified (case mlp-tanh-softplus-3x4x3: activation softplus not offered)",
                     "not certified (activation gelu: not offered)", "not certified (run on relu1d-w4: not offered)",
                 })
            Assert.Contains(line, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRowPassingWithoutTheMinimumOpsIsNotACertificate()
    {
        using var channel = new InProcessChannel(new RegOnly());
        var report = Certifier.Certify(channel, new CertificationOptions(CertificationTier.Quick));
        Assert.NotEmpty(report.Rows);
        Assert.All(report.Rows, r => Assert.True(r.Pass, r.Check));
        Assert.False(report.Certified, report.Verdict);
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("a certificate needs at least the ops forward, jacobian, hvp; not judged: forward, jacobian, hvp",
            report.Verdict, StringComparison.Ordinal);
    }

    /// <summary>The C# reference offering only <c>reg</c> and <c>grad_reg</c>.</summary>
    private sealed class RegOnly : IConformanceImplementation
    {
        private readonly ReferenceImplementation _reference = new();

        public string Name => "reg only";

        public IReadOnlyCollection<string> Ops { get; } = ["reg", "grad_reg"];

        public IReadOnlyCollection<string> Models => _reference.Models;

        public double[] Forward(OpInput input) => _reference.Forward(input);

        public (double[] H, double[][] Jacobian) Jacobian(OpInput input) => _reference.Jacobian(input);

        public double Reg(OpInput input) => _reference.Reg(input);

        public (double Reg, double[] GradReg) GradReg(OpInput input) => _reference.GradReg(input);

        public double[][] Hvp(OpInput input) => _reference.Hvp(input);

        public double[] SgdStep(OpInput input) => _reference.SgdStep(input);

        public double[][] Run(OpInput input) => _reference.Run(input);
    }
}
