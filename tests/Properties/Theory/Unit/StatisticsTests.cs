using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class StatisticsTests
{
    [Fact]
    public void MeanAndStandardErrorOfAKnownSample()
    {
        var estimate = MeanEstimate.Of([1.0, 2, 3, 4]);
        Assert.Equal(2.5, estimate.Mean, 15);
        Assert.Equal(Math.Sqrt(5.0 / 3 / 4), estimate.StdErr, 15);
        Assert.Throws<InvalidInputException>(() => MeanEstimate.Of([1.0]));
    }

    [Fact]
    public void ProjectionOntoAnAxisReproducesTheComponentStandardError()
    {
        double[][] samples = [[1, 5], [2, 3], [4, 4], [3, 0]];
        var vector = VectorMeanEstimate.Of(samples);
        var projected = VectorMeanEstimate.Projection(samples, [0.0, 1.0]);
        Assert.Equal(vector.Mean[1], projected.Mean, 15);
        Assert.Equal(vector.StdErr[1], projected.StdErr, 15);
        var sum = VectorMeanEstimate.Projection(samples, [1.0, 1.0]);
        Assert.Equal(vector.Mean[0] + vector.Mean[1], sum.Mean, 14);
    }

    [Fact]
    public void ExponentFitRecoversAnExactPowerLaw()
    {
        double[] x = [0.01, 0.02, 0.05, 0.1];
        var y = x.Select(v => 3 * Math.Pow(v, 1.5)).ToArray();
        var weighted = ExponentFit.Fit(x, y, y.Select(v => 0.01 * v).ToArray());
        Assert.Equal(1.5, weighted.Slope, 12);
        Assert.Equal(Math.Log(3), weighted.Intercept, 11);
        Assert.Equal(0, weighted.ChiSquared, 12);
        // Equal relative errors 1%: SE(b) = 0.01 / sqrt(Σ (ln x − mean ln x)²).
        var lx = x.Select(v => Math.Log(v)).ToArray();
        double spread = lx.Sum(v => Math.Pow(v - lx.Average(), 2));
        Assert.Equal(0.01 / Math.Sqrt(spread), weighted.SlopeStdErr, 12);
        Assert.Equal(1.5, ExponentFit.Fit(x, y).Slope, 12);
    }

    [Fact]
    public void ExponentFitIntervalCoversTheTrueSlopeOnNoisyData()
    {
        var rng = new Random(11);
        double[] x = [1, 2, 4, 8, 16, 32];
        var se = x.Select(v => 0.05 * v * v).ToArray();
        var y = x.Select((v, i) => v * v + se[i] * Normal.Sample(rng, 0, 1)).ToArray();
        var fit = ExponentFit.Fit(x, y, se);
        var (low, high) = fit.Interval(ErrorBudget.Default.Z);
        Assert.InRange(2.0, low, high);
        Assert.InRange(fit.SlopeStdErr, 0.005, 0.05);
    }

    [Fact]
    public void BonferroniZIsComputedFromTheBudget()
    {
        var budget = new ErrorBudget(200, 1e-6);
        Assert.Equal(1, 2 * 200 * Normal.CDF(0, 1, -budget.Z) / 1e-6, 10);
        Assert.InRange(budget.Z, 5.8, 5.9);
        Assert.True(new ErrorBudget(20, 1e-6).Z < budget.Z);
    }

    [Fact]
    public void JudgeUsesZTimesStdErrPlusBiasAndPowerCheckRejectsAFactorTwo()
    {
        var budget = ErrorBudget.Default;
        var pass = budget.Judge("drift", "case", 1.0, 1.0 + 5 * 0.01, 0.01, 0.001);
        Assert.True(pass.Pass);
        Assert.Equal(budget.Z * 0.01 + 0.001, pass.Tolerance, 15);
        Assert.False(budget.Judge("drift", "case", 1.0, 1.1, 0.01).Pass);
        Assert.False(budget.Judge("drift", "case", 1.0, double.NaN, 0.01).Pass);
        Assert.True(budget.PowerCheck("drift", "case", "constant off by 2x", 2.0, 1.05, 0.01).Rejected);
        Assert.False(budget.PowerCheck("drift", "case", "tiny", 1.04, 1.05, 0.01).Rejected);
    }

    [Fact]
    public void CovarianceComparisonAgreesWithTheSamplingLawAndItsFourthMomentError()
    {
        var s = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5, 0 }, { 0.5, 1.0, 0.2 }, { 0, 0.2, 0.5 } });
        var predicted = OuCovariance.Of(s, "test");
        var root = s.Cholesky().Factor;
        var rng = new Random(3);
        const int count = 4000;
        var samples = Enumerable.Range(0, count).Select(_ =>
            (root * Vector<double>.Build.Dense(3, _ => Normal.Sample(rng, 0, 1))).ToArray()).ToList();
        foreach (bool knownZeroMean in new[] { true, false })
        {
            var comparison = CovarianceComparison.Compare(samples, predicted, knownZeroMean);
            foreach (var q in comparison.Directions.Append(comparison.Trace))
            {
                Assert.InRange(Math.Abs(q.Measured - q.Predicted), 0, ErrorBudget.Default.Z * q.StdErr);
            }
            // Gaussian: Var(w²) = 2λ², so SE ≈ λ √(2/N).
            for (int j = 0; j < 3; j++)
            {
                var q = comparison.Directions[j];
                Assert.Equal(1, q.StdErr / (predicted.Eigenvalues[j] * Math.Sqrt(2.0 / count)), 0.15);
            }
        }
        var empirical = SampleCovariance.Of(samples);
        Assert.True((empirical - s).FrobeniusNorm() < 0.2);
    }
}
