using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The dual certificate of docs/theory.md §4.1: X* is certified where the flow recovers it (seed 1 at n = 16), not where
/// the flow stops at an interpolant of smaller reg (seed 3: tr = 0.86 &lt; tr X* = 1), always once the measurements
/// determine X* (n = d(d+1)/2), and never for a negated weight (a certificate test that accepts anything fails there).
/// </summary>
public class MatrixSensingCertificateTests
{
    [Fact]
    public void Seed_1_is_certified_for_reg_and_for_the_trace()
    {
        var problem = MatrixSensingProblem.Draw(8, 1, 16, 1);
        Assert.True(MatrixSensingCertificate.ForReg(problem).Certified, MatrixSensingCertificate.ForReg(problem).Verdict);
        Assert.True(MatrixSensingCertificate.ForTrace(problem).Certified, MatrixSensingCertificate.ForTrace(problem).Verdict);
    }

    [Fact]
    public void Seed_3_is_not_certified()
    {
        var certificate = MatrixSensingCertificate.ForReg(MatrixSensingProblem.Draw(8, 1, 16, 3));
        Assert.False(certificate.Certified, certificate.Verdict);
        Assert.True(certificate.Residual <= certificate.ResidualBound, "the equation itself is solved");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Determined_measurements_always_certify(ulong seed)
    {
        var problem = MatrixSensingProblem.Draw(8, 1, 36, seed);
        Assert.True(MatrixSensingCertificate.ForReg(problem).Certified, MatrixSensingCertificate.ForReg(problem).Verdict);
    }

    [Fact]
    public void A_negated_weight_is_never_certified()
    {
        var problem = MatrixSensingProblem.Draw(8, 1, 16, 1);
        var negated = MatrixSensingCertificate.For(problem, "−M", a => -(a.Aggregate((s, x) => s + x * x) / a.Length));
        Assert.False(negated.Certified, negated.Verdict);
    }
}
