using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Stability;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class PredictionSummaryTests
{
    [Fact]
    public void TanhNetworkPredictionsAreMutuallyConsistent()
    {
        var model = new Mlp(2, [4], [ActivationKind.Tanh]);
        var rng = new Random(7);
        var theta = Enumerable.Range(0, model.ParameterCount).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var x = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var y = new double[3];
        model.Forward(theta, x, y, model.CreateWorkspace(3));
        var data = new Dataset(x, y, 2);
        var frame = NormalFrame.At(model, theta, data);
        var sgd = SgdProblem.FullBatch(0.1 / frame.LargestHessianEigenvalue, 0.5, 3);

        var summary = PredictionSummary.At(model, theta, data, sgd);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, LinearModel.Dot(frame.ExampleGradient(i), summary.PGradReg), 1e-12);
            Assert.Equal(0, LinearModel.Dot(frame.ExampleGradient(i), summary.DriftExact), 1e-14);
        }
        Assert.Equal(StabilityKind.Repelling, summary.Stability.Kind);
        Assert.True(summary.RegChangeLeading < 0);
        // With η λ_max = 0.1 the exact covariance is at most 2/1.9 ≈ 1.053 times the leading one along any direction.
        Assert.All(summary.OuCovariance.Eigenvalues, s => Assert.InRange(s / summary.OuCovarianceLeading, 1, 2 / 1.9 + 1e-12));
        double lead = Math.Sqrt(LinearModel.Dot(summary.DriftLeading, summary.DriftLeading));
        double difference = Math.Sqrt(summary.DriftExact.Zip(summary.DriftLeading, (a, b) => (a - b) * (a - b)).Sum());
        Assert.InRange(difference / lead, 0, 0.1);
        Assert.Equal(2 / frame.LargestHessianEigenvalue, summary.StepSizeLimit, 12);
    }
}
