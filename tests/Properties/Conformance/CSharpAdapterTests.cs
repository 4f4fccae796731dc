using NoiseDrift.Conformance.Adapters;
using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Conformance.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Conformance;

/// <summary>The C# reference adapter, certified in-process through the shipped xunit base class (docs/conformance.md §2).</summary>
public sealed class CSharpAdapterCertification : CertificationTests
{
    protected override IConformanceImplementation CreateImplementation() => new ReferenceImplementation();
}

/// <summary>
/// Deliberately broken in-process copies of the C# adapter (one override each) are rejected on the op their bug lives
/// in; the test prints how many tolerances out the worst failing row landed.
/// </summary>
public sealed class CSharpBrokenCopyTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Bugs => new()
    {
        { "noise scale sigma*sqrt2", "run" },
        { "batches with replacement", "run" },
        { "gradient averaged over n", "sgd_step" },
        { "missing 1/2 in the loss", "sgd_step" },
        { "noise on the gradient", "run" },
        { "wrong sign in sgd_step", "sgd_step" },
        { "reg without 1/n", "reg" },
    };

    [Theory]
    [MemberData(nameof(Bugs))]
    public void BrokenCopyIsRejected(string bug, string op)
    {
        using var channel = new InProcessChannel(Broken(bug));
        var report = Certifier.Certify(channel, new CertificationOptions(CertificationTier.Quick));
        Assert.False(report.Certified, report.Verdict);
        CertificationTests.AssertRowsObeyTheRule(report);
        Assert.Null(report.Violation);
        var failed = report.Rows.Where(r => !r.Pass && CertificationReport.Op(r.Check) == op).ToArray();
        Assert.NotEmpty(failed);
        var worst = failed.MaxBy(r => Math.Abs(r.Measured - r.Predicted) / r.Tolerance)!;
        output.WriteLine($"{bug}: {worst.Check} on {worst.Case}: |diff| / tolerance = {Math.Abs(worst.Measured - worst.Predicted) / worst.Tolerance:0.##e0}");
    }

    private static ReferenceImplementation Broken(string bug) => bug switch
    {
        "noise scale sigma*sqrt2" => new NoiseTimesSqrt2(),
        "batches with replacement" => new WithReplacement(),
        "gradient averaged over n" => new MeanOverN(),
        "missing 1/2 in the loss" => new MissingHalf(),
        "noise on the gradient" => new NoiseOnGradient(),
        "wrong sign in sgd_step" => new WrongSign(),
        "reg without 1/n" => new RegWithoutMean(),
        _ => throw new ArgumentOutOfRangeException(nameof(bug), bug, "unknown bug"),
    };

    private sealed class NoiseTimesSqrt2 : ReferenceImplementation
    {
        protected override double LabelNoise(Random random, double sigma) => base.LabelNoise(random, sigma * Math.Sqrt(2));
    }

    private sealed class WithReplacement : ReferenceImplementation
    {
        protected override int[] DrawBatch(Random random, int n, int b) => Enumerable.Range(0, b).Select(_ => random.Next(n)).ToArray();
    }

    private sealed class MeanOverN : ReferenceImplementation
    {
        protected override void ApplyStep(OpInput input, double[] theta, int[] batch, double[] noise) =>
            base.ApplyStep(input with { Eta = input.Eta * batch.Length / input.X.Length }, theta, batch, noise);
    }

    private sealed class MissingHalf : ReferenceImplementation
    {
        protected override void ApplyStep(OpInput input, double[] theta, int[] batch, double[] noise) =>
            base.ApplyStep(input with { Eta = 2 * input.Eta }, theta, batch, noise);
    }

    private sealed class NoiseOnGradient : ReferenceImplementation
    {
        protected override double LabelNoise(Random random, double sigma) => 0;

        protected override void AfterStep(Random random, double[] theta, double eta, double sigma)
        {
            for (int k = 0; k < theta.Length; k++) theta[k] += eta * sigma * Gaussian(random);
        }
    }

    private sealed class WrongSign : ReferenceImplementation
    {
        protected override void ApplyStep(OpInput input, double[] theta, int[] batch, double[] noise) =>
            base.ApplyStep(input with { Eta = -input.Eta }, theta, batch, noise);
    }

    private sealed class RegWithoutMean : ReferenceImplementation
    {
        public override double Reg(OpInput input) => base.Reg(input) * input.X.Length;
    }
}
