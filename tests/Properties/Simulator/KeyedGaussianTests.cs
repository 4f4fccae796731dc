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
    /// <see cref="LabelNoiseSgd.Step"/> (full batch and minibatch, with the parameter noise of the control) equals the
    /// step written out with one scalar draw per example and per parameter, bit for bit.
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
        var (batchSeed, noiseSeed, parameterSeed) = sgd.Seeds;
        int n = c.Data.Count, b = settings.Problem.Batch, p = c.Model.ParameterCount;
        for (long k = 0; k < 20; k++)
        {
            var theta = c.ThetaStar.ToArray();
            sgd.Step(theta, 3, k, -1.0, sgd.CreateWorkspace());

            var expected = c.ThetaStar.ToArray();
            var rows = BatchSampler.Select(batchSeed, 3, k, n, b, new int[n]).ToArray();
            var noise = CounterRandom.Key(noiseSeed, 3, k);
            var inputs = rows.SelectMany(i => c.Data.Row(i).ToArray()).ToArray();
            var targets = rows.Select(i => c.Data.Y[i] + -sigma * noise.Gaussian(i)).ToArray();
            c.Model.LossGradientStep(expected, b == n ? c.Data.X : inputs, targets, eta, new double[p],
                c.Model.CreateWorkspace(n));
            var xi = CounterRandom.Key(parameterSeed, 3, k);
            for (int j = 0; j < p; j++) expected[j] += -tau * xi.Gaussian(j);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), theta.Select(BitConverter.DoubleToInt64Bits));
        }
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
