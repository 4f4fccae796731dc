using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The lane kernels of the chain-batched simulator (docs/theory.md §1: batched equals per chain, bit for bit): the fused
/// clean and noisy gradient pass equals per-chain runs, the inline tanh reproduces <c>TensorPrimitives.Tanh</c> and
/// the inline logarithm and cosine <c>Math.Log</c> and <c>Math.Cos</c> (all the paths taken on AVX-512 machines), and the paired antithetic
/// Gaussians are the scalar keyed Gaussians of every lane.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class LaneKernelTests
{
    /// <summary>On an AVX-512 machine the inline tanh verified (a wrong constant or order turns this off and fails).</summary>
    [Fact]
    public void Inline_tanh_is_exact_on_avx512()
    {
        if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Fma.IsSupported) return;
        Assert.True(TanhLanes.Exact);
    }

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
    /// On an AVX-512 machine with the C library they were written from, the inline logarithm and cosine verified (a
    /// wrong constant or order fails this); with any other library they stay off.
    /// </summary>
    [Fact]
    public void Inline_log_and_cos_are_exact_on_avx512()
    {
        // On glibc (Linux, where libc.so.6 is loaded) the version is read, as "major.minor".
        if (OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"))
            Assert.Matches(@"^\d+\.\d+", SystemLibm.Version() ?? "");
        Assert.Equal(SystemLibm.Version() == SystemLibm.WrittenFrom, SystemLibm.IsWrittenFrom);
        if (!SystemLibm.IsWrittenFrom)
        {
            Assert.False(LogLanes.Exact);
            Assert.False(CosLanes.Exact);
            return;
        }
        if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Fma.IsSupported) return;
        Assert.True(LogLanes.Exact);
        Assert.True(CosLanes.Exact);
    }

    /// <summary>
    /// Power beyond the start-up sample: 2²³ keyed Box–Muller draws (a rounding slip in a correction term of the
    /// cosine shows about once in 2.5·10⁶ draws, so a sample of 10⁵ can miss it and this cannot).
    /// </summary>
    [Fact]
    public void Inline_log_and_cos_are_the_library_on_many_keyed_draws()
    {
        var key = RandomKeyLanes.At(RandomKeyLanes.Streams(17, [0, 1, 2, 3, 4, 5, 6, 7]), 3);
        for (ulong index = 0; index < 1 << 20; index++)
        {
            var u = key.Uniform(Vector512.Create(index));
            var angle = Vector512.Create(2 * Math.PI) * key.Uniform(Vector512.Create(index), 1);
            var (log, cos) = (LogLanes.Log(u), CosLanes.Cos(angle));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Log(u[lane])), BitConverter.DoubleToInt64Bits(log[lane]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Cos(angle[lane])), BitConverter.DoubleToInt64Bits(cos[lane]));
            }
        }
    }

    /// <summary>The inline logarithm on keyed uniforms <c>(j + ½) 2⁻⁵³</c> as Box–Muller sees them, and on any doubles.</summary>
    [Property]
    public void Inline_log_equals_the_library(double[] values, ulong bits) =>
        AssertLanes(LogLanes.Log, Math.Log, [.. values, ((bits >> 11) + 0.5) * (1.0 / (1UL << 53))]);

    /// <summary>The inline cosine on keyed angles <c>2π (j + ½) 2⁻⁵³</c>, on any doubles and near multiples of π/4.</summary>
    [Property]
    public void Inline_cos_equals_the_library(double[] values, ulong bits, int quarter)
    {
        double near = Math.Abs(quarter % 400) * Math.PI / 4 + ((bits & 0xFFFF) - 32768.0) * 1e-12;
        AssertLanes(CosLanes.Cos, Math.Cos, [.. values, 2 * Math.PI * (((bits >> 11) + 0.5) * (1.0 / (1UL << 53))), near]);
    }

    /// <summary>Every lane of <paramref name="inline"/> has the bits of <paramref name="library"/> (any NaN for NaN).</summary>
    private static void AssertLanes(Func<Vector512<double>, Vector512<double>> inline, Func<double, double> library, double[] values)
    {
        var x = values.Concat(new double[7]).ToArray();
        for (int t = 0; t + 8 <= x.Length; t += 8)
        {
            var got = inline(Vector512.Create<double>(x.AsSpan(t, 8)));
            for (int lane = 0; lane < 8; lane++)
            {
                double expected = library(x[t + lane]);
                Assert.True(BitConverter.DoubleToInt64Bits(got[lane]) == BitConverter.DoubleToInt64Bits(expected) ||
                    (double.IsNaN(got[lane]) && double.IsNaN(expected)), $"f({x[t + lane]:R}) = {got[lane]:R}, library {expected:R}");
            }
        }
    }

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
