using System.Text.Json;
using NoiseDrift.Conformance.Adapters;
using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Properties.Cli;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// <c>noisedrift certify --json</c> end to end over the NumPy adapter, and the in-process route's handling of NaN and
/// exceptions (docs/conformance.md §2).
/// </summary>
public sealed class CertifyCommandTests
{
    [Fact]
    public void JsonLinesFollowTheCheckContractAndTheVerdictGoesToStderr()
    {
        string python = RepositoryPaths.NumpyPython ?? throw new InvalidOperationException(
            "no Python with NumPy found (tried /usr/bin/python3 and python3): install Debian's python3-numpy");
        string adapter = Path.Combine(RepositoryPaths.Conformance, "adapters", "python", "noisedrift_numpy.py");
        var run = CliRun.Of("certify", "--impl", $"'{python}' '{adapter}'", "--cases", "quick", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            foreach (var field in new[] { "check", "case", "predicted", "measured", "stderr", "pass", "tolerance" })
                Assert.True(row.RootElement.TryGetProperty(field, out _), $"missing {field} in {line}");
            Assert.True(row.RootElement.GetProperty("pass").GetBoolean(), line);
        }
        Assert.Contains(lines, l => l.Contains("\"check\":\"run:drift\"", StringComparison.Ordinal));
        Assert.Contains("certified: forward, jacobian, reg, grad_reg, hvp, sgd_step, run", run.Error, StringComparison.Ordinal);
        Assert.Contains("not certified (model kind dag: not offered)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInProcessNaNIsAProtocolViolation()
    {
        var report = CertifyInProcess(new NaNReg());
        Assert.Equal(3, report.ExitCode);
        Assert.Contains("field 'reg' is NaN", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInProcessExceptionIsACrash()
    {
        var report = CertifyInProcess(new ThrowingHvp());
        Assert.Equal(3, report.ExitCode);
        Assert.Contains("threw NotSupportedException", report.Verdict, StringComparison.Ordinal);
        Assert.Contains("offending line: {\"id\":", report.Verdict, StringComparison.Ordinal);
    }

    private static CertificationReport CertifyInProcess(IConformanceImplementation implementation)
    {
        using var channel = new InProcessChannel(implementation);
        return Certifier.Certify(channel, new CertificationOptions(CertificationTier.Quick));
    }

    private sealed class NaNReg : ReferenceImplementation
    {
        public override double Reg(OpInput input) => double.NaN;
    }

    private sealed class ThrowingHvp : ReferenceImplementation
    {
        public override double[][] Hvp(OpInput input) => throw new NotSupportedException("no HVP here");
    }
}
