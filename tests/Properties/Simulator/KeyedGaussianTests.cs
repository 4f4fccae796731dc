using FsCheck.Xunit;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// A chain-step's Gaussians drawn several at once on the lanes (<see cref="KeyedGaussians"/>, docs/design.md
/// "Bit-identity contract") are the scalar keyed draws <see cref="RandomKey.Gaussian"/> bit for bit, at every width
/// (two, four, eight lanes, forced whatever the CPU) and at the width this machine picks, for any count (the last
/// vector padded) and any indices; nothing past the count is written. The per-chain SGD step that draws them is the
/// step built from scalar draws.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class KeyedGaussianTests
{
    [Property]
    public void Span_gaussians_are_the_scalar_keyed_gaussians(ulong seed, long chain, long step, long first, int[] indices)
    {
        var key = CounterRandom.Key(seed, chain, step);
        indices ??= [];
        int count = indices.Length;
        AssertScalar(key, indices, first, destination => key.Gaussians(first, destination), contiguous: true);
        AssertScalar(key, indices, first, destination => key.Gaussians(indices, destination), contiguous: false);
        foreach (bool contiguous in new[] { true, false })
        {
            int used = contiguous ? 0 : count;
            AssertScalar(key, indices, first,
                d => KeyedGaussians.Fill<Width128, Lanes128, Bits128>(key, indices.AsSpan(0, used), first, d), contiguous);
            AssertScalar(key, indices, first,
                d => KeyedGaussians.Fill<Width256, Lanes256, Bits256>(key, indices.AsSpan(0, used), first, d), contiguous);
            AssertScalar(key, indices, first,
                d => KeyedGaussians.Fill<Width512, Lanes512, Bits512>(key, indices.AsSpan(0, used), first, d), contiguous);
        }
    }

    /// <summary>
    /// A block of steps drawn at once (<see cref="KeyedGaussians.FillSteps"/>: one key per lane, the chain's steps
    /// <c>first, first + 1, …</c>) holds <c>Key(seed, stream, first + s).Gaussian(i)</c> at <c>s·count + i</c>, bit for bit,
    /// at every width and at the machine's; nothing past the block is written.
    /// </summary>
    [Property]
    public void Step_blocks_are_the_scalar_keyed_gaussians(ulong seed, long stream, long first, byte size)
    {
        int count = size % 12;
        const double sentinel = 12345.0;
        int block = KeyedGaussians.StepBlock;
        foreach (var fill in new Action<Span<double>>[]
        {
            d => KeyedGaussians.FillSteps(seed, stream, first, count, d),
            d => KeyedGaussians.FillSteps<Width128, Lanes128, Bits128>(seed, stream, first, count, d),
            d => KeyedGaussians.FillSteps<Width256, Lanes256, Bits256>(seed, stream, first, count, d),
            d => KeyedGaussians.FillSteps<Width512, Lanes512, Bits512>(seed, stream, first, count, d),
        })
        {
            var destination = Enumerable.Repeat(sentinel, block * count + 1).ToArray();
            fill(destination);
            for (int s = 0; s < block; s++)
            {
                var key = CounterRandom.Key(seed, stream, first + s);
                for (int i = 0; i < count; i++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(key.Gaussian(i)), BitConverter.DoubleToInt64Bits(destination[s * count + i]));
            }
            Assert.Equal(sentinel, destination[^1]);
        }
    }

    /// <summary>
    /// <see cref="LabelNoiseSgd.Step"/> (full batch and minibatch, with the parameter noise of the control) equals the
    /// step written out with one scalar draw per example and per parameter, bit for bit: each step in a fresh workspace,
    /// and steps taken one after another in one workspace as a chain takes them (the full-batch label noise of several
    /// steps drawn at once and kept, in workspaces with room for one block, for three, and for the whole run): across
    /// the block boundaries, past a workspace's room, when the antithetic partner runs the same stream again from step
    /// 0, when the stream changes and when a step is taken again.
    /// </summary>
    [Theory]
    [InlineData(5)]
    [InlineData(2)]
    public void Sgd_step_is_the_step_of_scalar_draws(int batch)
    {
        var c = SimulatorCase.Tanh;
        const double sigma = 0.3, tau = 1e-3, eta = 0.05;
        var settings = new SgdSettings(new SgdProblem(eta, sigma, Math.Min(batch, c.Data.Count), NoiseLaw.Gaussian), 11)
        { ParameterNoise = tau };
        var sgd = new LabelNoiseSgd(c.Model, c.Data, settings);
        // One block of steps, three blocks (a chain of 30 steps outgrows it), and room for every step below.
        var shared = new[] { sgd.CreateWorkspace(), sgd.CreateWorkspace(steps: 24), sgd.CreateWorkspace(steps: 1000) };
        var order = Enumerable.Range(0, 30).Select(k => (Stream: 3L, Step: (long)k, Sign: -1.0))
            .Concat(Enumerable.Range(0, 12).Select(k => (Stream: 3L, Step: (long)k, Sign: 1.0)))
            .Concat([(3, 23, -1), (4, 23, 1), (3, 23, 1), (3, 5, -1), (3, 9, -1)]);
        foreach (var (stream, k, sign) in order)
        {
            var expected = ScalarDrawStep(c, sgd, stream, k, sign);
            foreach (var ws in shared.Prepend(sgd.CreateWorkspace()))
            {
                var theta = c.ThetaStar.ToArray();
                sgd.Step(theta, stream, k, sign, ws);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), theta.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    /// <summary>Step k of <paramref name="stream"/> from θ* with one scalar draw per example and per parameter.</summary>
    private static double[] ScalarDrawStep(SimulatorCase c, LabelNoiseSgd sgd, long stream, long k, double sign)
    {
        var (batchSeed, noiseSeed, parameterSeed) = sgd.Seeds;
        var problem = sgd.Settings.Problem;
        int n = c.Data.Count, b = problem.Batch, p = c.Model.ParameterCount;
        var expected = c.ThetaStar.ToArray();
        var rows = BatchSampler.Select(batchSeed, stream, k, n, b, new int[n]).ToArray();
        var noise = CounterRandom.Key(noiseSeed, stream, k);
        var inputs = rows.SelectMany(i => c.Data.Row(i).ToArray()).ToArray();
        var targets = rows.Select(i => c.Data.Y[i] + sign * problem.Sigma * noise.Gaussian(i)).ToArray();
        c.Model.LossGradientStep(expected, b == n ? c.Data.X : inputs, targets, problem.Eta, new double[p],
            c.Model.CreateWorkspace(n));
        var xi = CounterRandom.Key(parameterSeed, stream, k);
        for (int j = 0; j < p; j++) expected[j] += sign * sgd.Settings.ParameterNoise * xi.Gaussian(j);
        return expected;
    }

    private delegate void Filler(Span<double> destination);

    /// <summary>Fills a span one longer than the count and checks each value's bits and the untouched sentinel.</summary>
    private static void AssertScalar(RandomKey key, int[] indices, long first, Filler fill, bool contiguous)
    {
        const double sentinel = 12345.0;
        var destination = Enumerable.Repeat(sentinel, indices.Length + 1).ToArray();
        fill(destination.AsSpan(0, indices.Length));
        for (int r = 0; r < indices.Length; r++)
        {
            double expected = key.Gaussian(contiguous ? first + r : indices[r]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(destination[r]));
        }
        Assert.Equal(sentinel, destination[^1]);
    }
}
