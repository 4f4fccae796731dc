using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// One big operation split over two cores (docs/theory.md §1: L, reg and ∇reg are sums over rows): a batch above
/// <see cref="Mlp.SplitWork"/> gives the per-row sums to round-off (relative 1e-12), the same bits on every call and
/// from a saturated thread pool, and a batch below the threshold is not split.
/// </summary>
public class RowSplitTests
{
    private static readonly Mlp Model = new(8, [128, 128], [ActivationKind.Tanh, ActivationKind.Softplus]);
    private const int Rows = 64;

    private static double[] Keyed(int length, long stream, double scale) =>
        [.. Enumerable.Range(0, length).Select(t => scale * CounterRandom.Gaussian(41, stream, 0, t))];

    private static readonly double[] Theta = Keyed(Model.ParameterCount, 0, 0.1);
    private static readonly double[] X = Keyed(Rows * 8, 1, 1);
    private static readonly double[] Targets = Keyed(Rows, 2, 1);

    [Fact]
    public void The_test_batch_is_split_and_a_small_one_is_not()
    {
        Assert.True(Model.SplitsRows(Rows));
        Assert.False(Model.SplitsRows(Mlp.SplitRows - 1));
        Assert.False(new Mlp(4, [32, 32], [ActivationKind.Tanh, ActivationKind.Tanh]).SplitsRows(16));
    }

    /// <summary>
    /// Both ways a second half can run give the per-row sums: taken back by the caller when no pool thread has started
    /// it (always in a new workspace's first call here), and on a pool thread, which then adds the upper part of the
    /// gradient while the caller adds the lower part (forced on every call of the second workspace).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Split_operations_equal_per_row_sums(bool onPool)
    {
        int p = Model.ParameterCount;
        var one = Model.CreateWorkspace(1);
        double lossSum = 0, regSum = 0;
        var g = new double[p];
        var gSum = new double[p];
        var rgSum = new double[p];
        for (int i = 0; i < Rows; i++)
        {
            var xi = X.AsSpan(i * 8, 8);
            lossSum += Model.LossGradient(Theta, xi, Targets.AsSpan(i, 1), g, one);
            for (int t = 0; t < p; t++) gSum[t] += g[t];
            regSum += Model.RegGradient(Theta, xi, g, one);
            for (int t = 0; t < p; t++) rgSum[t] += g[t];
        }
        double gScale = gSum.Max(Math.Abs) / Rows, rgScale = rgSum.Max(Math.Abs) / Rows;
        var ws = (MlpWorkspace)Model.CreateWorkspace(Rows);
        ws.Work!.LeaveToPool = onPool;
        for (int call = 0; call < 20; call++)
        {
            var (loss, gradient, reg, regGradient) = Split(ws);
            Assert.Equal(lossSum / Rows, loss, 1e-12 * lossSum / Rows);
            Assert.Equal(regSum / Rows, reg, 1e-12 * regSum / Rows);
            for (int t = 0; t < p; t++)
            {
                Assert.Equal(gSum[t] / Rows, gradient[t], 1e-12 * gScale);
                Assert.Equal(rgSum[t] / Rows, regGradient[t], 1e-12 * rgScale);
            }
            Assert.Equal(reg, Model.Reg(Theta, X, ws));
        }
    }

    /// <summary>
    /// The split step (each thread updates θ over its part of the parameters) has the bits of the gradient followed by
    /// the whole-vector update, taken back by the caller or run on a pool thread; a non-finite loss leaves θ as it was.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_split_step_is_the_gradient_then_the_update(bool onPool)
    {
        const double eta = 0.05;
        var ws = (MlpWorkspace)Model.CreateWorkspace(Rows);
        ws.Work!.LeaveToPool = onPool;
        var expected = (double[])Theta.Clone();
        var theta = (double[])Theta.Clone();
        var g = new double[Model.ParameterCount];
        var gradient = new double[Model.ParameterCount];
        for (int step = 0; step < 10; step++)
        {
            double expectedLoss = Model.LossGradient(expected, X, Targets, g, Model.CreateWorkspace(Rows));
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(g, -eta, expected, expected);
            Assert.Equal(expectedLoss, Model.LossGradientStep(theta, X, Targets, eta, gradient, ws));
            Assert.Equal(g, gradient);
            Assert.Equal(expected, theta);
        }
        var infinite = (double[])Targets.Clone();
        infinite[Rows - 1] = 1e300;
        Assert.False(double.IsFinite(Model.LossGradientStep(theta, X, infinite, eta, gradient, ws)));
        Assert.Equal(expected, theta);
    }

    /// <summary>
    /// A gradient or target span shorter than the operation needs is refused by name, split or not. A split batch
    /// writes through raw pointers on two threads, so without the check a short span is written past its end. The
    /// sentinel just past each span, and θ, must be left as they were.
    /// </summary>
    [Theory]
    [InlineData(Rows)]
    [InlineData(Mlp.SplitRows - 1)]
    public void Short_gradient_and_target_spans_are_refused_and_nothing_past_them_is_written(int rows)
    {
        int p = Model.ParameterCount;
        var ws = Model.CreateWorkspace(Rows);
        var x = X.AsSpan(0, rows * 8).ToArray();
        var theta = (double[])Theta.Clone();
        var gradient = new double[p];
        gradient[^1] = Sentinel;
        var targets = Targets[..rows];
        Refused(() => Model.LossGradient(theta, x, targets, gradient.AsSpan(0, p - 1), ws), "gradient", $"{p - 1}");
        Refused(() => Model.LossGradientStep(theta, x, targets, 0.1, gradient.AsSpan(0, p - 1), ws), "gradient", $"{p - 1}");
        Refused(() => Model.RegGradient(theta, x, gradient.AsSpan(0, p - 1), ws), "gradient", $"{p - 1}");
        Assert.Equal(Sentinel, gradient[^1]);
        var shortTargets = Targets[..rows];
        Refused(() => Model.LossGradient(theta, x, shortTargets.AsSpan(0, rows - 1), gradient, ws), "targets", $"{rows - 1}");
        Refused(() => Model.LossGradientStep(theta, x, shortTargets.AsSpan(0, rows - 1), 0.1, gradient, ws), "targets",
            $"{rows - 1}");
        Assert.Equal(Theta, theta);
    }

    private const double Sentinel = 12345.678;

    private static void Refused(Action action, string field, string value)
    {
        var e = Assert.Throws<NoiseDrift.Engine.Validation.InvalidInputException>(action);
        Assert.Contains(field, e.Message);
        Assert.Contains(value, e.Message);
    }

    [Fact]
    public void Split_results_are_the_same_bits_on_every_call_and_from_a_busy_pool()
    {
        var first = Split();
        var busy = new (double, double[], double, double[])[8];
        Parallel.For(0, busy.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k => busy[k] = Split());
        foreach (var (loss, gradient, reg, regGradient) in busy)
        {
            Assert.Equal(first.Loss, loss);
            Assert.Equal(first.Gradient, gradient);
            Assert.Equal(first.Reg, reg);
            Assert.Equal(first.RegGradient, regGradient);
        }
    }

    private static (double Loss, double[] Gradient, double Reg, double[] RegGradient) Split() => Split(Model.CreateWorkspace(Rows));

    private static (double Loss, double[] Gradient, double Reg, double[] RegGradient) Split(Workspace ws)
    {
        var gradient = new double[Model.ParameterCount];
        var regGradient = new double[Model.ParameterCount];
        double loss = Model.LossGradient(Theta, X, Targets, gradient, ws);
        double reg = Model.RegGradient(Theta, X, regGradient, ws);
        return (loss, gradient, reg, regGradient);
    }
}
