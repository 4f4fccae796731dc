using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The clean gradient and the noisy full-batch step taken in one pass over the rows (docs/theory.md §3, "Variance
/// reduction") give the bits of the two calls one after the other, on every model family: <see cref="Model.LossGradients"/>
/// against two <see cref="Model.LossGradient"/> calls, and label-noise SGD's fused step (with parameter noise) against
/// <see cref="LabelNoiseSgd.CleanGradient"/> then <see cref="LabelNoiseSgd.Step"/>.
/// </summary>
public sealed class LossGradientPairProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c)
    {
        var (model, theta, data) = (c.Model, c.Theta, c.Data);
        int p = model.ParameterCount, n = data.Count;
        var pairTargets = data.Y.Select((y, i) => y + 0.25 * (i + 1) * Math.Sin(theta[i % p] + i)).ToArray();
        var ws = model.CreateWorkspace(n);
        double[] gradient = new double[p], pairGradient = new double[p], once = new double[p], pairOnce = new double[p];
        var (loss, pairLoss) = model.LossGradients(theta, data.X, data.Y, pairTargets, gradient, pairGradient, ws);
        double single = model.LossGradient(theta, data.X, data.Y, once, ws);
        double pairSingle = model.LossGradient(theta, data.X, pairTargets, pairOnce, ws);
        Assert.Equal(Bits([single, pairSingle, .. once, .. pairOnce]), Bits([loss, pairLoss, .. gradient, .. pairGradient]));

        var settings = new SgdSettings(SgdProblem.FullBatch(0.01, 0.3, n), 7) { ParameterNoise = 1e-3 };
        var sgd = new LabelNoiseSgd(model, data, settings);
        var (fused, apart) = ((double[])theta.Clone(), (double[])theta.Clone());
        var (fusedWs, apartWs) = (sgd.CreateWorkspace(), sgd.CreateWorkspace());
        for (int k = 0; k < 3; k++)
        {
            double stepLoss = sgd.StepWithCleanGradient(fused, 5, k, -1.0, fusedWs, out double cleanLoss);
            double cleanApart = sgd.CleanGradient(apart, apartWs.CleanGradient, apartWs);
            double stepApart = sgd.Step(apart, 5, k, -1.0, apartWs);
            Assert.Equal(Bits([cleanApart, stepApart, .. apartWs.CleanGradient, .. apart]),
                Bits([cleanLoss, stepLoss, .. fusedWs.CleanGradient, .. fused]));
        }
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
