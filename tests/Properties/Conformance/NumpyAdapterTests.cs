using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Conformance.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// <c>certify --cases quick</c> over the NumPy reference adapter and its deliberately broken copies
/// (docs/conformance.md §2): the adapter is certified; each broken copy is rejected on the op its bug lives in, and the
/// test prints how many tolerances out its worst row landed. Without a Python that imports NumPy the tests fail with
/// the reason (CI installs python3-numpy), never pass silently.
/// </summary>
public sealed class NumpyAdapterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void ReferenceAdapterIsCertified()
    {
        var report = Certify("noisedrift_numpy.py");
        CertificationTests.AssertRowsObeyTheRule(report);
        Assert.True(report.Certified, report.Verdict);
        Assert.Equal(Certifier.Ops.OrderBy(o => o), report.CertifiedOps.OrderBy(o => o));
    }

    [Theory]
    [InlineData("noise_sqrt2.py", "run")]
    [InlineData("with_replacement.py", "run")]
    [InlineData("mean_over_n.py", "sgd_step")]
    [InlineData("missing_half.py", "sgd_step")]
    [InlineData("noise_on_gradient.py", "run")]
    [InlineData("wrong_sign.py", "sgd_step")]
    [InlineData("reg_without_mean.py", "reg")]
    [InlineData("hvp_without_second_derivative.py", "hvp")]
    public void BrokenCopyIsRejected(string file, string op)
    {
        var report = Certify(Path.Combine("broken", file));
        CertificationTests.AssertRowsObeyTheRule(report);
        Assert.Null(report.Violation);
        Assert.Equal(1, report.ExitCode);
        var failed = report.Rows.Where(r => !r.Pass).ToArray();
        var onOp = failed.Where(r => CertificationReport.Op(r.Check) == op).ToArray();
        Assert.NotEmpty(onOp);
        foreach (var r in onOp.Concat(failed.Where(r => CertificationReport.Op(r.Check) == "run")).Distinct())
            output.WriteLine($"{file}: {r.Check} on {r.Case}: |diff| / tolerance = {Math.Abs(r.Measured - r.Predicted) / r.Tolerance:0.##e0}");
        // The bugs in the SGD step also show in run, the statistical route.
        if (file is "mean_over_n.py" or "missing_half.py")
            Assert.Contains(failed, r => CertificationReport.Op(r.Check) == "run");
    }

    private static CertificationReport Certify(string script)
    {
        string python = RepositoryPaths.NumpyPython ?? throw new InvalidOperationException(
            "no Python with NumPy found (tried /usr/bin/python3 and python3): install Debian's python3-numpy");
        string path = Path.Combine(RepositoryPaths.Conformance, "adapters", "python", script);
        using var channel = new ProcessChannel($"'{python}' '{path}'", Timeout);
        return Certifier.Certify(channel, new CertificationOptions(CertificationTier.Quick));
    }
}
