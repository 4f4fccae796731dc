using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// Batch <c>Forward</c>, <c>Jacobian</c> and <c>LossGradient</c> equal loops over the per-example <c>Value</c> and
/// <c>Gradient</c> (docs/theory.md §1: <c>∇L = (1/n) Σ r_i g_i</c>), on every family. Batched kernels reorder sums, so agreement is to a relative <c>RoundingFactor · ε</c> of the summed magnitudes.
/// </summary>
public sealed class BatchProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c)
    {
        var (model, theta, data) = (c.Model, c.Theta, c.Data);
        int n = data.Count, p = model.ParameterCount;
        var ws = model.CreateWorkspace(n);
        var outputs = new double[n];
        var jacobianOutputs = new double[n];
        var jacobian = new double[n * p];
        var lossGradient = new double[p];
        model.Forward(theta, data.X, outputs, ws);
        model.Jacobian(theta, data.X, jacobianOutputs, jacobian, ws);
        double loss = model.LossGradient(theta, data.X, data.Y, lossGradient, ws);

        var single = model.CreateWorkspace(1);
        var g = new double[p];
        var expectedLossGradient = new double[p];
        var magnitude = new double[p];
        double expectedLoss = 0;
        for (int i = 0; i < n; i++)
        {
            double h = model.Value(theta, data.Row(i), single);
            double hg = model.Gradient(theta, data.Row(i), g, single);
            Close(h, hg, Math.Abs(h), $"Value vs Gradient's h, example {i}");
            Close(h, outputs[i], Math.Abs(h), $"Forward, example {i}");
            Close(h, jacobianOutputs[i], Math.Abs(h), $"Jacobian outputs, example {i}");
            for (int k = 0; k < p; k++) Close(g[k], jacobian[i * p + k], Math.Abs(g[k]), $"J[{i},{k}]");
            double r = h - data.Y[i];
            expectedLoss += r * r / (2 * n);
            for (int k = 0; k < p; k++)
            {
                expectedLossGradient[k] += r * g[k] / n;
                magnitude[k] += Math.Abs(r * g[k]) / n;
            }
        }
        Close(expectedLoss, loss, expectedLoss, "LossGradient's loss");
        for (int k = 0; k < p; k++) Close(expectedLossGradient[k], lossGradient[k], magnitude[k], $"grad L[{k}]");
    }

    private static void Close(double expected, double actual, double magnitude, string what)
    {
        double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                           Math.Max(1, magnitude);
        if (!(Math.Abs(expected - actual) <= tolerance))
            throw new CheckFailedException($"{what}: per-example loop {expected:R}, batch {actual:R}, tolerance {tolerance:G3}");
    }
}
