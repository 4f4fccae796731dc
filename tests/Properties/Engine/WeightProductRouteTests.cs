using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The in-place weight products of a wide layer (docs/theory.md §1; <c>Mlp.MultiplyAddWeightsT</c>): a block of 16 or 32
/// rows through a 96 × 96 or 256 × 256 layer forms <c>Zᵀ = W Aᵀ</c> without copying W, while a single row takes the
/// plain route through <c>Wᵀ</c>. Every output of the batch has the bits of the same row alone, and the batched
/// <c>reg</c> and <c>∇reg</c> (whose double backward also multiplies by a transposed W) equal the per-row sums to
/// round-off: on one core (the 96-wide model, 16 rows) and split over two (the 256-wide model, halves of 16 and 32).
/// </summary>
public class WeightProductRouteTests
{
    private static readonly Mlp[] Models =
    [
        new(4, [96, 96], [ActivationKind.Tanh, ActivationKind.Softplus]),
        new(16, [256, 256], [ActivationKind.Tanh, ActivationKind.Tanh]),
    ];

    private static double[] Keyed(int length, long stream, double scale) =>
        [.. Enumerable.Range(0, length).Select(t => scale * CounterRandom.Gaussian(43, stream, 0, t))];

    [Fact]
    public void The_cases_cover_the_unsplit_and_the_split_batch()
    {
        Assert.False(Models[0].SplitsRows(16));
        Assert.True(Models[1].SplitsRows(32));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 32)]
    [InlineData(1, 64)]
    public void Batched_outputs_have_the_bits_of_single_rows(int model, int rows)
    {
        var (net, theta) = Case(model);
        int d = net.InputDimension;
        var x = Keyed(rows * d, 1, 1);
        var batched = new double[rows];
        net.Forward(theta, x, batched, net.CreateWorkspace(rows));
        var one = net.CreateWorkspace(1);
        var single = new double[1];
        for (int i = 0; i < rows; i++)
        {
            net.Forward(theta, x.AsSpan(i * d, d), single, one);
            Assert.Equal(single[0], batched[i]);
        }
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 32)]
    [InlineData(1, 64)]
    public void Batched_reg_and_its_gradient_equal_per_row_sums(int model, int rows)
    {
        var (net, theta) = Case(model);
        int d = net.InputDimension;
        var x = Keyed(rows * d, 2, 1);
        int p = net.ParameterCount;
        var gradient = new double[p];
        double reg = net.RegGradient(theta, x, gradient, net.CreateWorkspace(rows));
        var one = net.CreateWorkspace(1);
        var g = new double[p];
        var sum = new double[p];
        double regSum = 0;
        for (int i = 0; i < rows; i++)
        {
            regSum += net.RegGradient(theta, x.AsSpan(i * d, d), g, one);
            for (int t = 0; t < p; t++) sum[t] += g[t];
        }
        Assert.Equal(regSum / rows, reg, 1e-12 * regSum / rows);
        double scale = sum.Max(Math.Abs) / rows;
        for (int t = 0; t < p; t++) Assert.Equal(sum[t] / rows, gradient[t], 1e-12 * scale);
    }

    private static (Mlp Model, double[] Theta) Case(int index) =>
        (Models[index], Keyed(Models[index].ParameterCount, index, 1.0 / Math.Sqrt(Models[index].Hidden[0])));
}
