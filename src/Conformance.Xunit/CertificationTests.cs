using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using Xunit;

namespace NoiseDrift.Conformance.Xunit;

/// <summary>
/// Subclass this in an xunit test project to certify a .NET implementation in-process (docs/conformance.md §2): return it
/// from <see cref="CreateImplementation"/>, and the inherited fact runs every op it declares through the same judges as
/// <c>noisedrift certify</c> (deterministic ops against the engine, <c>run</c> under the suite's error budget) and
/// fails with the verdict line and every failing row.
/// <code>
/// public sealed class MyCertification : CertificationTests
/// {
///     protected override IConformanceImplementation CreateImplementation() => new MyImplementation();
/// }
/// </code>
/// </summary>
public abstract class CertificationTests
{
    /// <summary>The implementation under certification.</summary>
    protected abstract IConformanceImplementation CreateImplementation();

    /// <summary>Which cases: <see cref="CertificationTier.Quick"/> by default (seconds).</summary>
    protected virtual CertificationTier Tier => CertificationTier.Quick;

    /// <summary>Certified: the verdict is <c>certified: OPS</c> (exit code 0 of <c>certify</c>).</summary>
    [Fact]
    public void ImplementationIsCertified()
    {
        var report = Certify();
        AssertRowsObeyTheRule(report);
        Assert.True(report.Certified, Describe(report));
    }

    /// <summary>Runs the certification and returns the report.</summary>
    protected CertificationReport Certify()
    {
        using var channel = new InProcessChannel(CreateImplementation());
        return Certifier.Certify(channel, new CertificationOptions(Tier));
    }

    /// <summary>Every row obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c> (docs/theory.md §5).</summary>
    public static void AssertRowsObeyTheRule(CertificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Assert.All(report.Rows, r => Assert.True(r.Pass == Math.Abs(r.Measured - r.Predicted) <= r.Tolerance,
            $"row {r.Check} on {r.Case} breaks pass <=> |measured - predicted| <= tolerance"));
    }

    /// <summary>The verdict line, the ops not certified and the failing rows.</summary>
    protected static string Describe(CertificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string> { report.Verdict };
        lines.AddRange(report.NotCertified.Select(s => $"not certified ({s})"));
        lines.AddRange(report.Rows.Where(r => !r.Pass).Select(r =>
            $"FAIL {r.Check} on {r.Case}: yours {r.Measured:g10}, suite {r.Predicted:g10}, tolerance {r.Tolerance:g3} ({r.Detail})"));
        return string.Join(Environment.NewLine, lines);
    }
}
