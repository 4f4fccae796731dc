using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The lane kernels of the chain-batched simulator (docs/theory.md §1: batched equals per chain, bit for bit), each at
/// every lane width (two, four and eight lanes, forced whatever the CPU): the fused clean and noisy gradient pass equals
/// per-chain runs, the lanes' tanh is the scalar one (and the runtime's vector tanh), the lanes' sums are the library's, the
/// lanes' logarithm and cosine are the scalar ones (<see cref="NaturalLog"/>, <see cref="Cosine"/>; their accuracy is
/// in <c>TranscendentalTests</c>), and the paired antithetic Gaussians are the scalar keyed Gaussians of every lane.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class LaneKernelTests
{
    /// <summary>
    /// The engine's tanh is the runtime's vector tanh (<c>TensorPrimitives.Tanh</c>, where it fuses its multiply-adds, as
    /// on AVX2 and AVX-512), which the tanh MLPs ran on before: on 2¹⁶ values of mixed magnitude and the edges of the
    /// fast range, the same bits wherever the library's value is not zero (there the engine keeps the sign of x).
    /// </summary>
    [Avx2Fact]
    public void Own_tanh_is_the_library_vector_tanh()
    {
        var random = new System.Random(20201);
        double[] special = [double.Epsilon, -double.Epsilon, 1e-300, 353.9, -353.9, 19.0, -0.5493061443340549, 0.55, 1e-9];
        var x = Enumerable.Range(0, 1 << 16).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 9)))
            .Concat(special).ToArray();
        var (expected, own) = (new double[x.Length], new double[x.Length]);
        TensorPrimitives.Tanh(x, expected);
        for (int t = 0; t < x.Length; t++) own[t] = HyperbolicTangent.Tanh(x[t]);
        for (int t = 0; t < x.Length; t++)
        {
            if (expected[t] == 0) Assert.Equal(0.0, own[t]);
            else Assert.True(BitConverter.DoubleToInt64Bits(own[t]) == BitConverter.DoubleToInt64Bits(expected[t]),
                $"tanh({x[t]:R}) = {own[t]:R}, library {expected[t]:R}");
        }
    }

    /// <summary>
    /// The scalar rule's span form (<see cref="Activation.Evaluate(ActivationKind, ReadOnlySpan{double}, Span{double}, Span{double}, Span{double})"/>,
    /// the per-chain forward pass) has the bits of the scalar <see cref="HyperbolicTangent.Tanh(double)"/> on every entry of
    /// a span of any length (whole vectors and the rest), and its φ' and φ'' have the scalar formulas' bits.
    /// </summary>
    [Property]
    public void Span_tanh_is_the_scalar_tanh_on_the_whole_span(double[] values, int scale, bool wide)
    {
        var x = values.Select(v => double.IsFinite(v) ? Math.Tanh(v) * (wide ? 400 : 3) * Math.Pow(2, scale % 4) : v).ToArray();
        var (value, d1, d2) = (new double[x.Length], new double[x.Length], new double[x.Length]);
        Activation.Evaluate(ActivationKind.Tanh, x, value, d1, d2);
        for (int t = 0; t < x.Length; t++)
        {
            double expected = HyperbolicTangent.Tanh(x[t]);
            Assert.True(Same(value[t], expected), $"tanh({x[t]:R}) = {value[t]:R}, scalar {expected:R}");
            // φ' and φ'' with the scalar operations, in the scalar order.
            double slope = 1 - expected * expected;
            Assert.True(Same(d1[t], slope), $"tanh'({x[t]:R}) = {d1[t]:R}, scalar {slope:R}");
            Assert.True(Same(d2[t], -2 * expected * slope), $"tanh''({x[t]:R}) = {d2[t]:R}");
        }
    }

    /// <summary>
    /// The lanes' tanh with its φ' (the MLP kernel's form) at every width is the scalar tanh on every lane, whether the
    /// span is all in the fast range or not.
    /// </summary>
    [Property]
    public void Lane_tanh_is_the_scalar_tanh(double[] values, int scale)
    {
        LaneTanh<Width128, Lanes128, Bits128>(values, scale);
        LaneTanh<Width256, Lanes256, Bits256>(values, scale);
        LaneTanh<Width512, Lanes512, Bits512>(values, scale);
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ||
        (double.IsNaN(a) && double.IsNaN(b));

    private static void LaneTanh<TW, TV, TU>(double[] values, int scale)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        var x = values.Select(v => v * Math.Pow(2, scale % 12)).Concat(new double[w]).Take(w * Math.Max(1, (values.Length + w - 1) / w)).ToArray();
        var z = MemoryMarshal.Cast<double, TV>(x);
        var (value, d1) = (new TV[z.Length], new TV[z.Length]);
        HyperbolicTangent<TW, TV, TU>.Evaluate(z, value, d1);
        var got = MemoryMarshal.Cast<TV, double>(value);
        var slope = MemoryMarshal.Cast<TV, double>(d1);
        for (int t = 0; t < x.Length; t++)
        {
            double expected = HyperbolicTangent.Tanh(x[t]);
            Assert.True(Same(got[t], expected), $"{w} lanes: tanh({x[t]:R}) = {got[t]:R}, scalar {expected:R}");
            Assert.True(Same(slope[t], 1 - expected * expected), $"{w} lanes: tanh'({x[t]:R}) = {slope[t]:R}");
        }
    }

    /// <summary>
    /// The lanes' sums and dot products are <c>TensorPrimitives.Sum</c> and <c>Dot</c> in every lane, for every length
    /// up to 200 on whatever vector width the machine has (a length whose order fails its check at first use sends the
    /// lanes back to per-chain runs silently, so this also asserts that none does).
    /// </summary>
    [Property]
    public void Summation_order_is_the_library_order(byte lengthSeed, int seed)
    {
        int length = 1 + lengthSeed % 200;
        var order = SummationOrder.For(length);
        Assert.NotNull(order);
        LibraryOrder<Width128, Lanes128, Bits128>(order, seed);
        LibraryOrder<Width256, Lanes256, Bits256>(order, seed);
        LibraryOrder<Width512, Lanes512, Bits512>(order, seed);
    }

    private static void LibraryOrder<TW, TV, TU>(SummationOrder order, int seed)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count, length = order.Length;
        var random = new System.Random(seed);
        var (x, y) = (new double[w][], new double[w][]);
        for (int lane = 0; lane < w; lane++)
        {
            x[lane] = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))];
            y[lane] = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))];
        }
        var xv = Enumerable.Range(0, length).Select(t => Vector<TV>([.. x.Select(row => row[t])])).ToArray();
        var yv = Enumerable.Range(0, length).Select(t => Vector<TV>([.. y.Select(row => row[t])])).ToArray();
        var (sum, dot) = (Lanes(order.Sum<TV>(xv)), Lanes(order.Dot<TV>(xv, yv)));
        for (int lane = 0; lane < w; lane++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(TensorPrimitives.Sum(x[lane])), BitConverter.DoubleToInt64Bits(sum[lane]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(TensorPrimitives.Dot(x[lane], y[lane])), BitConverter.DoubleToInt64Bits(dot[lane]));
        }
    }

    /// <summary>
    /// The fused pass (full batch with the clean gradient recorded, docs/theory.md §3.3: the clean and the noisy gradient of
    /// a step computed side by side) is the per-chain run chain by chain, to the last bit of every lane.
    /// </summary>
    [Property(Arbitrary = [typeof(ChainRunCases)])]
    public void Fused_clean_and_noisy_gradients_equal_per_chain_runs(ChainRunCase run)
    {
        var fused = run with
        {
            Settings = run.Settings with { Problem = run.Settings.Problem with { Batch = run.Case.Data.Count } },
            Options = run.Options with { CleanGradient = true },
        };
        ChainBlockTests.AssertBatchedIsPerChain(fused);
    }

    /// <summary>
    /// Power beyond the generated cases: 2²³ keyed Box–Muller draws at the width this machine runs natively and 2²¹ at
    /// each other width, the lanes' logarithm and cosine against the scalar ones bit for bit (a rounding slip in a
    /// correction term of the cosine shows about once in 2.5·10⁶ draws).
    /// </summary>
    [Fact]
    public void Lane_log_and_cos_are_the_scalar_ones_on_many_keyed_draws()
    {
        int native = ChainBlocks.NativeWidth;
        KeyedDraws<Width128, Lanes128, Bits128>(native == 2 ? 1 << 23 : 1 << 21);
        KeyedDraws<Width256, Lanes256, Bits256>(native == 4 ? 1 << 23 : 1 << 21);
        KeyedDraws<Width512, Lanes512, Bits512>(native == 8 ? 1 << 23 : 1 << 21);
    }

    private static void KeyedDraws<TW, TV, TU>(int draws)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        var key = RandomKeyLanes<TW, TV, TU>.At(RandomKeyLanes<TW, TV, TU>.Streams(17, [0, 1, 2, 3, 4, 5, 6, 7]), 3);
        for (ulong index = 0; index < (ulong)(draws / w); index++)
        {
            var u = key.Uniform(TW.U(index));
            var angle = TW.C(2 * Math.PI) * key.Uniform(TW.U(index), 1);
            var (log, cos) = (Lanes(NaturalLog<TW, TV, TU>.Log(u)), Lanes(Cosine<TW, TV, TU>.Cos(angle)));
            var (us, angles) = (Lanes(u), Lanes(angle));
            for (int lane = 0; lane < w; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(NaturalLog.Log(us[lane])), BitConverter.DoubleToInt64Bits(log[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(Cosine.Cos(angles[lane])), BitConverter.DoubleToInt64Bits(cos[lane]));
            }
        }
    }

    /// <summary>Antithetic lanes (2i, 2i + 1 share a stream) at every width: each lane's Gaussians are its scalar key's.</summary>
    [Property]
    public void Paired_gaussians_are_the_scalar_keyed_gaussians(ulong seed, int pair, int step, uint index)
    {
        PairedGaussians<Width128, Lanes128, Bits128>(seed, pair, step, index);
        PairedGaussians<Width256, Lanes256, Bits256>(seed, pair, step, index);
        PairedGaussians<Width512, Lanes512, Bits512>(seed, pair, step, index);
    }

    private static void PairedGaussians<TW, TV, TU>(ulong seed, int pair, int step, uint index)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        long[] streams = [.. Enumerable.Range(0, w).Select(lane => (long)Math.Abs(pair % 1000) * 4 + lane / 2)];
        var key = RandomKeyLanes<TW, TV, TU>.At(RandomKeyLanes<TW, TV, TU>.Streams(seed, streams), step);
        var (first, second) = key.GaussianPairs(index, (ulong)index + 1);
        var (single, rademacher) = (Lanes(key.Gaussian(TW.U(index), stride: 2)), Lanes(key.Rademacher(TW.U(index))));
        var (a, b) = (Lanes(first), Lanes(second));
        for (int lane = 0; lane < w; lane++)
        {
            var scalar = CounterRandom.Key(seed, streams[lane], step);
            Assert.Equal(scalar.Gaussian(index), a[lane]);
            Assert.Equal(scalar.Gaussian(index + 1L), b[lane]);
            Assert.Equal(scalar.Gaussian(index), single[lane]);
            Assert.Equal(scalar.Rademacher(index), rademacher[lane]);
        }
    }

    /// <summary>The lanes of one vector, as doubles.</summary>
    internal static double[] Lanes<TV>(TV x) where TV : unmanaged => MemoryMarshal.Cast<TV, double>(new[] { x }.AsSpan()).ToArray();

    /// <summary>The vector whose lanes are <paramref name="lanes"/>.</summary>
    internal static TV Vector<TV>(double[] lanes) where TV : unmanaged => MemoryMarshal.Cast<double, TV>(lanes)[0];
}
