using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class TangentDriftTests
{
    [Fact]
    public void LinearModelHasNoDrift()
    {
        var model = new LinearModel(3);
        var data = Dataset.FromRows([[1.0, 0.5, -1.0], [0.2, -0.3, 0.8]], [0, 0]);
        var drift = TangentDrift.At(model, [0.0, 0.0, 0.0], data, new SgdProblem(0.1, 1, 1));
        Assert.All(drift.Exact, v => Assert.Equal(0, v));
        Assert.All(drift.Leading, v => Assert.Equal(0, v));
        Assert.Equal(0, drift.LeadingRegChange);
    }

    [Fact]
    public void ScalarProductModelMatchesTheHandFormula()
    {
        // h = a w at x = 1, y = 1: g = (w, a), H g = (a, w), λ = a² + w², S = ησ²/(2 − ηλ) along g/|g|,
        // so d_exact = −η S P(a, w) and d_lead = −(η²σ²/2) P(a, w).
        double a = 2, w = 0.5, eta = 0.05, sigma = 0.8, lambda = a * a + w * w;
        var drift = TangentDrift.At(new ProductModel(1), [a, w], HandData.SinglePoint(), SgdProblem.FullBatch(eta, sigma, 1));
        double along = (a * w + w * a) / lambda;
        double[] tangent = [a - along * w, w - along * a];
        double s = eta * sigma * sigma / (2 - eta * lambda);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(-eta * s * tangent[k], drift.Exact[k], 15);
            Assert.Equal(-eta * eta * sigma * sigma / 2 * tangent[k], drift.Leading[k], 15);
        }
        double norm2 = 4 * (tangent[0] * tangent[0] + tangent[1] * tangent[1]);
        Assert.Equal(-eta * eta * sigma * sigma / 4 * norm2, drift.LeadingRegChange, 15);
        Assert.True(drift.ExactRegChange < drift.LeadingRegChange);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(1)]
    public void ExactDriftIsTheGaussianAverageOfTheProjectedCleanStepForAQuadraticModel(int batch)
    {
        // Matrix sensing is quadratic in U, so −η P ∇L(θ* + u) is a cubic polynomial in u, and its mean under
        // u ~ N(0, Q S Qᵀ) is computed exactly by the symmetric sigma points ±√n Q s_k (S = Σ s_k s_kᵀ).
        var model = new MatrixSensing(3, 3);
        var rng = new Random(5);
        var theta = Enumerable.Range(0, 9).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, 4 * 9).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var probe = new Dataset(x, new double[4], 9);
        var outputs = new double[4];
        model.Forward(theta, x, outputs, model.CreateWorkspace(4));
        var data = probe.WithLabels(outputs);
        var frame = NormalFrame.At(model, theta, data);
        var sgd = new SgdProblem(0.3 / frame.LargestHessianEigenvalue, 0.6, batch);
        var drift = TangentDrift.At(model, theta, data, sgd);

        var root = drift.Covariance.Matrix.Cholesky().Factor;
        var mean = new double[9];
        var gradient = new double[9];
        var ws = model.CreateWorkspace(4);
        for (int k = 0; k < 4; k++)
            foreach (int sign in new[] { -1, 1 })
            {
                var u = frame.Embed((root.Column(k) * (sign * Math.Sqrt(4))).ToArray());
                var point = theta.Zip(u, (t, v) => t + v).ToArray();
                model.LossGradient(point, data.X, data.Y, gradient, ws);
                for (int j = 0; j < 9; j++) mean[j] += -sgd.Eta * gradient[j] / 8;
            }
        var expected = frame.ProjectTangent(mean);
        double scale = Math.Sqrt(LinearModel.Dot(expected, expected));
        Assert.True(scale > 0);
        for (int j = 0; j < 9; j++) Assert.Equal(expected[j], drift.Exact[j], 1e-12 * scale);
    }

    [Fact]
    public void FiniteEtaCorrectionHasTheStatedSize()
    {
        // h = a w at the balanced-free point (2, 0.5) with η λ = 0.1: exact/leading = 2/(2 − 0.1) ≈ 1.053 (docs/theory.md §3).
        double lambda = 4.25, eta = 0.1 / lambda;
        var drift = TangentDrift.At(new ProductModel(1), [2.0, 0.5], HandData.SinglePoint(), SgdProblem.FullBatch(eta, 1, 1));
        Assert.Equal(2 / 1.9, drift.Exact[0] / drift.Leading[0], 12);
    }

    [Fact]
    public void PointsOffTheManifoldAreRefused()
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            TangentDrift.At(new ProductModel(1), [2.0, 0.6], HandData.SinglePoint(), SgdProblem.FullBatch(0.01, 1, 1)));
        Assert.Equal("theta", e.Field);
    }

    [Fact]
    public void KStepDisplacementIsKTimesTheDriftWithABiasThatGrowsWithK()
    {
        var model = new ProductModel(1);
        var sgd = SgdProblem.FullBatch(0.02, 1, 1);
        var one = TangentDrift.At(model, [2.0, 0.5], HandData.SinglePoint(), sgd);
        var k100 = KStepDisplacement.Predict(model, [2.0, 0.5], HandData.SinglePoint(), sgd, 100);
        var k10 = KStepDisplacement.Predict(model, [2.0, 0.5], HandData.SinglePoint(), sgd, 10);
        Assert.Equal(100 * one.Exact[0], k100.Exact[0], 14);
        Assert.Equal(100 * one.Leading[1], k100.Leading[1], 14);
        // ||∇d|| is a secant over h = K|d|; for short moves it barely depends on K, so the bias is linear in K.
        Assert.True(k10.RelativeBias > 0 && k10.RelativeBias < k100.RelativeBias);
        Assert.Equal(10, k100.RelativeBias / k10.RelativeBias, 0.2);
    }

    [Fact]
    public void RetractionLandsOnTheManifold()
    {
        var theta = ZeroLossProjection.Project(new ProductModel(1), HandData.SinglePoint(), [2.0, 0.7]);
        Assert.True(Math.Abs(theta[0] * theta[1] - 1) < 1e-12);
    }
}
