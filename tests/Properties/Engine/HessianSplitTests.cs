using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// A big model's Hessian-vector product on two cores (docs/theory.md §1, <c>H_i v</c>): it has the bits of its two-part
/// schedule run in turn on one thread, whether the caller or the pool thread runs the parts and from a busy pool, and
/// equals the one-part product to round-off; a small or ragged model keeps the one-part product.
/// </summary>
public class HessianSplitTests
{
    private static readonly Mlp Model = new(8, [128, 256, 64], [ActivationKind.Tanh, ActivationKind.Softplus, ActivationKind.Logistic]);

    private static double[] Keyed(int length, long stream, double scale) =>
        [.. Enumerable.Range(0, length).Select(t => scale * CounterRandom.Gaussian(43, stream, 0, t))];

    private static readonly double[] Theta = Keyed(Model.ParameterCount, 0, 0.1);

    [Fact]
    public void Big_models_split_and_small_or_ragged_ones_do_not()
    {
        Assert.True(Model.SplitsHessianVector);
        Assert.NotNull(((MlpWorkspace)Model.CreateWorkspace(1)).Tangent);
        Assert.False(new Mlp(4, [32, 32], [ActivationKind.Tanh, ActivationKind.Tanh]).SplitsHessianVector);
        Assert.False(new Mlp(8, [136, 256], [ActivationKind.Tanh, ActivationKind.Tanh]).SplitsHessianVector);
        Assert.Null(((MlpWorkspace)new Mlp(4, [32, 32], [ActivationKind.Tanh, ActivationKind.Tanh]).CreateWorkspace(1)).Tangent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_split_product_has_the_bits_of_its_parts_run_in_turn(bool onPool)
    {
        var ws = (MlpWorkspace)Model.CreateWorkspace(1);
        ws.Tangent!.LeaveToPool = onPool;
        var product = new double[Model.ParameterCount];
        for (int example = 0; example < 12; example++)
        {
            var (x, v) = Example(example);
            Model.HessianVector(Theta, x, v, product, ws);
            Assert.Equal(Bits(InTurn(x, v, parts: 2)), Bits(product));
        }
    }

    [Fact]
    public void A_split_product_equals_the_one_part_product_to_round_off()
    {
        var ws = Model.CreateWorkspace(1);
        var product = new double[Model.ParameterCount];
        for (int example = 0; example < 4; example++)
        {
            var (x, v) = Example(example);
            Model.HessianVector(Theta, x, v, product, ws);
            var whole = InTurn(x, v, parts: 1);
            double scale = whole.Max(Math.Abs);
            for (int t = 0; t < whole.Length; t++) Assert.Equal(whole[t], product[t], 1e-12 * scale);
        }
    }

    [Fact]
    public void Split_products_are_the_same_bits_from_a_busy_pool()
    {
        var (x, v) = Example(0);
        var expected = InTurn(x, v, parts: 2);
        var busy = new double[8][];
        Parallel.For(0, busy.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            busy[k] = new double[Model.ParameterCount];
            var ws = Model.CreateWorkspace(1);
            for (int call = 0; call < 5; call++) Model.HessianVector(Theta, x, v, busy[k], ws);
        });
        foreach (var product in busy) Assert.Equal(Bits(expected), Bits(product));
    }

    private static (double[] X, double[] V) Example(int example) =>
        (Keyed(8, 10 + example, 1), Keyed(Model.ParameterCount, 100 + example, 1));

    /// <summary>Every phase of the schedule in order on this thread, part 0 before part 1.</summary>
    private static double[] InTurn(double[] x, double[] v, int parts)
    {
        var ws = (MlpWorkspace)Model.CreateWorkspace(1);
        var product = new double[Model.ParameterCount];
        for (int phase = 0; phase < Model.TangentPhases(parts); phase++)
        {
            for (int part = 0; part < parts; part++) Model.TangentPhase(phase, part, parts, Theta, x, v, product, ws);
        }
        return product;
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
