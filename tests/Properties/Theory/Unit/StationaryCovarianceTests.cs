using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class StationaryCovarianceTests
{
    private static readonly NormalFrame Frame = NormalFrame.FromJacobian(HandData.Jacobian(4, 6, 3), 4, 6);

    private static double Eta => 0.5 / Frame.LargestHessianEigenvalue;

    [Fact]
    public void FullBatchEigenvaluesAreEtaSigmaSquaredOverNTimesTwoMinusEtaLambda()
    {
        var s = StationaryCovariance.FullBatch(Frame, SgdProblem.FullBatch(Eta, 0.7, 4));
        var expected = Frame.HessianEigenvalues.Select(l => Eta * 0.49 / (4 * (2 - Eta * l))).Order().ToArray();
        for (int k = 0; k < 4; k++) Assert.Equal(expected[k], s.Eigenvalues[k], 14);
    }

    [Fact]
    public void MinibatchSolverWithFullBatchReproducesTheClosedForm()
    {
        var sgd = SgdProblem.FullBatch(Eta, 0.7, 4);
        var closed = StationaryCovariance.FullBatch(Frame, sgd).Matrix;
        var solved = StationaryCovariance.Minibatch(Frame, sgd).Matrix;
        Within((closed - solved).FrobeniusNorm(), 1e-13 * closed.FrobeniusNorm());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MinibatchSatisfiesItsFixedPointByEnumeratingEveryBatch(int batch)
    {
        var sgd = new SgdProblem(Eta, 0.7, batch);
        var s = StationaryCovariance.Minibatch(Frame, sgd).Matrix;
        var batches = Subsets(4, batch).ToList();
        var expectation = Matrix<double>.Build.Dense(4, 4);
        foreach (var b in batches)
        {
            var a = Matrix<double>.Build.Dense(4, 4);
            foreach (int i in b) a += Frame.GradientCoordinates(i).OuterProduct(Frame.GradientCoordinates(i)) / batch;
            var step = Matrix<double>.Build.DenseIdentity(4) - a * Eta;
            expectation += step * s * step / batches.Count;
        }
        var rhs = expectation + Frame.NormalHessian * (Eta * Eta * 0.49 / batch);
        Within((rhs - s).FrobeniusNorm(), 1e-13 * s.FrobeniusNorm());
    }

    [Fact]
    public void ExactFormsApproachTheLeadingOrderAsEtaShrinks()
    {
        var sgd = new SgdProblem(1e-6 / Frame.LargestHessianEigenvalue, 1.3, 2);
        var lead = StationaryCovariance.LeadingOrder(Frame, sgd).Matrix;
        var exact = StationaryCovariance.Minibatch(Frame, sgd).Matrix;
        Within((exact - lead).FrobeniusNorm(), 1e-5 * lead.FrobeniusNorm());
        Assert.Equal(sgd.NoiseScale / 2, lead[0, 0], 15);
    }

    [Fact]
    public void StepBeyondTwoOverLambdaMaxIsRefusedWithTheLimit()
    {
        double limit = 2 / Frame.LargestHessianEigenvalue;
        var e = Assert.Throws<InvalidInputException>(() =>
            StationaryCovariance.FullBatch(Frame, SgdProblem.FullBatch(1.01 * limit, 1, 4)));
        Assert.Equal("eta", e.Field);
        Assert.Contains(Guard.Format(limit), e.Message);
        Assert.Throws<InvalidInputException>(() => StationaryCovariance.Minibatch(Frame, new SgdProblem(limit, 1, 2)));
    }

    [Fact]
    public void MinibatchWithDivergentSecondMomentIsRefused()
    {
        // Two orthogonal gradients of squared norm 1: G = I/2 (η λ_max = 1.5 < 2), but with B = 1 each direction
        // sees (1 − η)² = 4 half the time, so the second moment grows by 2.5 per step.
        var frame = NormalFrame.FromJacobian([1, 0, 0, 0, 1, 0], 2, 3);
        var e = Assert.Throws<InvalidInputException>(() => StationaryCovariance.Minibatch(frame, new SgdProblem(3, 1, 1)));
        Assert.Contains("spectral radius 2.5", e.Message);
    }

    [Fact]
    public void TransientStartsAtZeroAndRelaxesToS()
    {
        var sgd = SgdProblem.FullBatch(Eta, 0.7, 4);
        var s = StationaryCovariance.FullBatch(Frame, sgd).Matrix;
        Assert.True(TransientCovariance.FullBatch(Frame, sgd, 0).Matrix.FrobeniusNorm() < 1e-15);
        int late = (int)(40 * TransientCovariance.RelaxationSteps(Frame, sgd));
        Within((TransientCovariance.FullBatch(Frame, sgd, late).Matrix - s).FrobeniusNorm(), 1e-12);
        var full = TransientCovariance.FullBatch(Frame, sgd, 7).Matrix;
        var viaMap = TransientCovariance.Minibatch(Frame, sgd, 7).Matrix;
        Within((full - viaMap).FrobeniusNorm(), 1e-13);
    }

    private static void Within(double error, double tolerance) =>
        Assert.True(error <= tolerance, $"error {error:R} exceeds {tolerance:R}");

    private static IEnumerable<int[]> Subsets(int n, int size) =>
        size == 0 ? [[]] : Enumerable.Range(0, n).SelectMany(first =>
            Subsets(n, size - 1).Where(rest => rest.All(r => r > first)).Select(rest => rest.Prepend(first).ToArray()));
}
