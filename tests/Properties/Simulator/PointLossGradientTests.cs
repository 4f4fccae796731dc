using FsCheck.Xunit;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The loss gradients of one model at several points at once (<see cref="PointLossGradients"/>, the mean path's sigma
/// points, docs/theory.md §3.9) are <see cref="Model.LossGradient"/> at each point as doubles, every rounding reproduced (docs/design.md
/// "Bit-identity contract"): on generated MLPs (every activation, n 1..20, 1..24 points, so partial blocks occur) at two,
/// four and eight lanes forced and at the machine's choice.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class PointLossGradientTests
{
    [Property(Arbitrary = [typeof(ChainRunCases)])]
    public void Point_gradients_are_the_loss_gradient_at_each_point(ChainRunCase run)
    {
        var (model, data, points) = (run.Case.Model, run.Case.Data, run.Starts);
        var expected = Reference(model, data, points);
        foreach (var gradients in Kinds(model, data))
            Assert.Null(FirstDisagreement(expected, Evaluate(gradients, points, model.ParameterCount)));
    }

    /// <summary>
    /// Power: one point moved by one ulp in one coordinate (point 5 of the first block) is found, and only its gradient
    /// differs, at every width: the comparison above resolves one lane at the last bit, and lanes do not leak.
    /// </summary>
    [Fact]
    public void A_single_broken_point_is_found()
    {
        var c = SimulatorCase.Tanh;
        var points = Enumerable.Range(0, 9).Select(j =>
            c.ThetaStar.Select((t, q) => t + 0.01 * NoiseDrift.Engine.Random.CounterRandom.Gaussian(3, j, 0, q)).ToArray()).ToArray();
        var expected = Reference(c.Model, c.Data, points);
        var broken = points.Select(point => (double[])point.Clone()).ToArray();
        broken[5][0] = Math.BitIncrement(broken[5][0]);
        foreach (var gradients in Kinds(c.Model, c.Data))
        {
            var moved = Evaluate(gradients, broken, c.Model.ParameterCount);
            Assert.Equal(5, FirstDisagreement(expected, moved));
            Assert.Null(FirstDisagreement(expected.Where((_, k) => k != 5).ToArray(), moved.Where((_, k) => k != 5).ToArray()));
        }
    }

    /// <summary>The machine's choice and the lanes at two, four and eight doubles (a width the CPU lacks is emulated).</summary>
    private static IEnumerable<PointLossGradients> Kinds(Model model, Dataset data)
    {
        yield return PointLossGradients.For(model, data);
        var mlp = Assert.IsType<Mlp>(model);
        yield return Assert.IsType<PointLossGradients.Lanes<Width128, Lanes128, Bits128>>(
            PointLossGradients.Lanes<Width128, Lanes128, Bits128>.TryCreate(mlp, data));
        yield return Assert.IsType<PointLossGradients.Lanes<Width256, Lanes256, Bits256>>(
            PointLossGradients.Lanes<Width256, Lanes256, Bits256>.TryCreate(mlp, data));
        yield return Assert.IsType<PointLossGradients.Lanes<Width512, Lanes512, Bits512>>(
            PointLossGradients.Lanes<Width512, Lanes512, Bits512>.TryCreate(mlp, data));
    }

    private static double[][] Reference(Model model, Dataset data, IReadOnlyList<double[]> points)
    {
        var ws = model.CreateWorkspace(data.Count);
        return [.. points.Select(point =>
        {
            var gradient = new double[model.ParameterCount];
            model.LossGradient(point, data.X, data.Y, gradient, ws);
            return gradient;
        })];
    }

    private static double[][] Evaluate(PointLossGradients gradients, IReadOnlyList<double[]> points, int p)
    {
        var result = points.Select(_ => new double[p]).ToArray();
        gradients.Evaluate(points, result);
        return result;
    }

    /// <summary>The first point whose gradient differs from the reference as doubles (the lanes may differ only in the sign of a zero), or null.</summary>
    private static int? FirstDisagreement(double[][] expected, double[][] actual)
    {
        for (int c = 0; c < expected.Length; c++)
        {
            if (!expected[c].SequenceEqual(actual[c])) return c;
        }
        return null;
    }
}
