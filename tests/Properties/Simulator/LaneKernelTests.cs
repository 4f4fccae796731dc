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
/// per-chain runs, the inline tanh reproduces <c>TensorPrimitives.Tanh</c>, the lanes' sums are the library's, the
/// lanes' logarithm and cosine are the scalar ones (<see cref="NaturalLog"/>, <see cref="Cosine"/>; their accuracy is
/// in <c>TranscendentalTests</c>), and the paired antithetic Gaussians are the scalar keyed Gaussians of every lane.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class LaneKernelTests
{
    /// <summary>On an AVX-512 machine the eight-lane inline tanh verified (a wrong constant or order turns it off and fails).</summary>
    [Avx512Fact]
    public void Inline_tanh_is_exact_on_avx512() => Assert.True(TanhLanes<Width512, Lanes512, Bits512>.Exact);

    /// <summary>On an AVX2 machine (AVX-512 on or off) the four-lane inline tanh verified.</summary>
    [Avx2Fact]
    public void Inline_tanh_is_exact_on_avx2() => Assert.True(TanhLanes<Width256, Lanes256, Bits256>.Exact);

    /// <summary>
    /// The per-chain forward pass's tanh (<see cref="Activation.Evaluate(ActivationKind, ReadOnlySpan{double}, Span{double}, Span{double}, Span{double})"/>)
    /// has the library's bits on a whole span of any length, whether the inline path takes it (whole vectors in range)
    /// or declines it, and its φ' and φ'' have the scalar formulas' bits.
    /// </summary>
    [Property]
    public void Span_tanh_equals_the_library_on_the_whole_span(double[] values, int scale, bool wide)
    {
        var x = values.Select(v => double.IsFinite(v) ? Math.Tanh(v) * (wide ? 40 : 3) * Math.Pow(2, scale % 4) : v).ToArray();
        var expected = new double[x.Length];
        TensorPrimitives.Tanh(x, expected);
        var (value, d1, d2) = (new double[x.Length], new double[x.Length], new double[x.Length]);
        Activation.Evaluate(ActivationKind.Tanh, x, value, d1, d2);
        static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ||
            (double.IsNaN(a) && double.IsNaN(b));
        for (int t = 0; t < x.Length; t++)
        {
            Assert.True(Same(value[t], expected[t]), $"tanh({x[t]:R}) = {value[t]:R}, library {expected[t]:R}");
            // φ' and φ'' with the scalar operations, in the scalar order, on the library's value.
            double slope = 1 - expected[t] * expected[t];
            Assert.True(Same(d1[t], slope), $"tanh'({x[t]:R}) = {d1[t]:R}, scalar {slope:R}");
            Assert.True(Same(d2[t], -2 * expected[t] * slope), $"tanh''({x[t]:R}) = {d2[t]:R}");
        }
        bool inRange = x.All(v => Math.Abs(v) <= 354.5);
        Assert.Equal(TanhLanes<Width512, Lanes512, Bits512>.Exact && x.Length >= 8 && x.Length % 8 == 0 && inRange,
            TanhLanes<Width512, Lanes512, Bits512>.TryEvaluate(x, value));
        Assert.Equal(TanhLanes<Width256, Lanes256, Bits256>.Exact && x.Length >= 4 && x.Length % 4 == 0 && inRange,
            TanhLanes<Width256, Lanes256, Bits256>.TryEvaluate(x, value));
    }

    /// <summary>The lanes' tanh at every width is the library's on each group of lanes (inline or not).</summary>
    [Property]
    public void Inline_tanh_equals_the_library(double[] values, int scale)
    {
        InlineTanh<Width128, Lanes128, Bits128>(values, scale);
        InlineTanh<Width256, Lanes256, Bits256>(values, scale);
        InlineTanh<Width512, Lanes512, Bits512>(values, scale);
    }

    private static void InlineTanh<TW, TV, TU>(double[] values, int scale)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        var x = values.Select(v => v * Math.Pow(2, scale % 12)).Concat(new double[w]).Take(w * Math.Max(1, (values.Length + w - 1) / w)).ToArray();
        var expected = new double[x.Length];
        // Vector by vector: the library's out-of-range fallback acts on the whole vector an argument sits in.
        for (int t = 0; t < x.Length; t += w) TensorPrimitives.Tanh(x.AsSpan(t, w), expected.AsSpan(t, w));
        var z = MemoryMarshal.Cast<double, TV>(x);
        var (value, d1) = (new TV[z.Length], new TV[z.Length]);
        TanhLanes<TW, TV, TU>.Evaluate(z, value, d1);
        var got = MemoryMarshal.Cast<TV, double>(value);
        var slope = MemoryMarshal.Cast<TV, double>(d1);
        for (int t = 0; t < x.Length; t++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(got[t]) == BitConverter.DoubleToInt64Bits(expected[t]) ||
                (double.IsNaN(got[t]) && double.IsNaN(expected[t])), $"{w} lanes: tanh({x[t]:R}) = {got[t]:R}, library {expected[t]:R}");
            Assert.Equal(1 - expected[t] * expected[t], slope[t]);
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
