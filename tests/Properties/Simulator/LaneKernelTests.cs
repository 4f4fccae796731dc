using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
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
/// The lane kernels of the chain-batched simulator (docs/theory.md §1: batched equals per chain, bit for bit): the fused
/// clean and noisy gradient pass equals per-chain runs, the inline tanh reproduces <c>TensorPrimitives.Tanh</c> and
/// the lanes' logarithm and cosine are the scalar ones (<see cref="NaturalLog"/>, <see cref="Cosine"/>; their accuracy
/// is in <c>TranscendentalTests</c>), and the paired antithetic Gaussians are the scalar keyed Gaussians of every lane.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class LaneKernelTests
{
    /// <summary>On an AVX-512 machine the inline tanh verified (a wrong constant or order turns this off and fails).</summary>
    [Avx512Fact]
    public void Inline_tanh_is_exact_on_avx512() => Assert.True(TanhLanes.Exact);

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
        bool taken = TanhLanes.TryEvaluate(x, value);
        Assert.Equal(TanhLanes.Exact && x.Length >= 8 && x.Length % 8 == 0 && x.All(v => Math.Abs(v) <= 354.5), taken);
    }

    [Property]
    public void Inline_tanh_equals_the_library(double[] values, int scale)
    {
        var x = values.Select(v => v * Math.Pow(2, scale % 12)).Concat(new double[8]).Take(8 * Math.Max(1, (values.Length + 7) / 8)).ToArray();
        var expected = new double[x.Length];
        // Vector by vector: the library's out-of-range fallback acts on the whole vector an argument sits in.
        for (int t = 0; t < x.Length; t += 8) TensorPrimitives.Tanh(x.AsSpan(t, 8), expected.AsSpan(t, 8));
        var z = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector512<double>>(x);
        var value = new Vector512<double>[z.Length];
        var d1 = new Vector512<double>[z.Length];
        TanhLanes.Evaluate(z, value, d1);
        for (int t = 0; t < x.Length; t++)
        {
            double got = value[t / 8][t % 8];
            Assert.True(BitConverter.DoubleToInt64Bits(got) == BitConverter.DoubleToInt64Bits(expected[t]) ||
                (double.IsNaN(got) && double.IsNaN(expected[t])), $"tanh({x[t]:R}) = {got:R}, library {expected[t]:R}");
            Assert.Equal(1 - expected[t] * expected[t], d1[t / 8][t % 8]);
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
        var random = new System.Random(seed);
        var (x, y) = (new double[8][], new double[8][]);
        for (int lane = 0; lane < 8; lane++)
        {
            x[lane] = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))];
            y[lane] = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))];
        }
        var xv = Enumerable.Range(0, length).Select(t => Vector512.Create<double>([.. x.Select(row => row[t])])).ToArray();
        var yv = Enumerable.Range(0, length).Select(t => Vector512.Create<double>([.. y.Select(row => row[t])])).ToArray();
        var (sum, dot) = (order.Sum(xv), order.Dot(xv, yv));
        for (int lane = 0; lane < 8; lane++)
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
        var (perChain, perChainError) = ChainBlockTests.Run(fused, ChainKernel.PerChain, threads: 1);
        var (batched, batchedError) = ChainBlockTests.Run(fused, ChainKernel.Batched, threads: 1);
        Assert.Equal(perChainError, batchedError);
        if (perChain is null || batched is null) return;
        Assert.Null(ChainBlockTests.FirstDisagreement(perChain, batched));
    }

    /// <summary>
    /// Power beyond the generated cases: 2²³ keyed Box–Muller draws, the lanes' logarithm and cosine against the scalar
    /// ones bit for bit (a rounding slip in a correction term of the cosine shows about once in 2.5·10⁶ draws).
    /// </summary>
    [Fact]
    public void Lane_log_and_cos_are_the_scalar_ones_on_many_keyed_draws()
    {
        var key = RandomKeyLanes.At(RandomKeyLanes.Streams(17, [0, 1, 2, 3, 4, 5, 6, 7]), 3);
        for (ulong index = 0; index < 1 << 20; index++)
        {
            var u = key.Uniform(Vector512.Create(index));
            var angle = Vector512.Create(2 * Math.PI) * key.Uniform(Vector512.Create(index), 1);
            var (log, cos) = (NaturalLog.Log(u), Cosine.Cos(angle));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(NaturalLog.Log(u[lane])), BitConverter.DoubleToInt64Bits(log[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(Cosine.Cos(angle[lane])), BitConverter.DoubleToInt64Bits(cos[lane]));
            }
        }
    }

    /// <summary>

    [Property]
    public void Paired_gaussians_are_the_scalar_keyed_gaussians(ulong seed, int pair, int step, uint index)
    {
        long[] streams = [.. Enumerable.Range(0, 8).Select(lane => (long)Math.Abs(pair % 1000) * 4 + lane / 2)];
        var key = RandomKeyLanes.At(RandomKeyLanes.Streams(seed, streams), step);
        var (first, second) = key.GaussianPairs(index, (ulong)index + 1);
        for (int lane = 0; lane < 8; lane++)
        {
            var scalar = CounterRandom.Key(seed, streams[lane], step);
            Assert.Equal(scalar.Gaussian(index), first[lane]);
            Assert.Equal(scalar.Gaussian(index + 1L), second[lane]);
        }
    }
}
