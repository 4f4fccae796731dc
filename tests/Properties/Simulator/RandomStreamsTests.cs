using NoiseDrift.Engine.Random;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// <see cref="RandomStreams"/> holds every purpose tag of the suite. The tags are frozen: each member must derive
/// exactly the seed the code derived before the tags were gathered (the literals below are those of the old call sites),
/// or every result drawn from it changes; and no two purposes may share a stream.
/// </summary>
public class RandomStreamsTests
{
    private static readonly ulong[] Seeds = [0, 1, 10, 0xFFFF_FFFF_FFFF_FFFFUL];

    [Fact]
    public void Every_stream_derives_the_seed_of_its_old_literal_tag()
    {
        foreach (ulong seed in Seeds)
        {
            Assert.Equal(CounterRandom.DeriveSeed(seed, 1), RandomStreams.Batches(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 2), RandomStreams.LabelNoise(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 3), RandomStreams.ParameterNoise(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x5354415254UL), RandomStreams.StationaryStart(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x494E4954UL), RandomStreams.SpecInitialisation(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x434153UL), RandomStreams.TheoryCases(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x4D53UL), RandomStreams.MatrixSensingProblem(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x4D54UL), RandomStreams.MatrixSensingStart(seed));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x5231UL), RandomStreams.Relu1DStart(seed, collinear: true));
            Assert.Equal(CounterRandom.DeriveSeed(seed, 0x5232UL), RandomStreams.Relu1DStart(seed, collinear: false));
            foreach (var (m, y) in new[] { (4, 3.0), (4, 0.8), (8, 3.0) })
                Assert.Equal(CounterRandom.DeriveSeed(seed, 0x5349 + (ulong)m * 100 + (ulong)(y * 10)), RandomStreams.SigmoidStart(seed, m, y));
            for (int kind = 0; kind < 3; kind++)
                Assert.Equal(seed ^ (ulong)(kind + 1) * 0x9E3779B97F4A7C15UL, RandomStreams.RunKind(seed, kind));
        }
    }

    [Fact]
    public void No_two_purposes_share_a_stream()
    {
        const ulong seed = 1;
        ulong[] streams =
        [
            RandomStreams.Batches(seed), RandomStreams.LabelNoise(seed), RandomStreams.ParameterNoise(seed),
            RandomStreams.StationaryStart(seed), RandomStreams.SpecInitialisation(seed), RandomStreams.TheoryCases(seed),
            RandomStreams.MatrixSensingProblem(seed), RandomStreams.MatrixSensingStart(seed),
            RandomStreams.Relu1DStart(seed, true), RandomStreams.Relu1DStart(seed, false),
            RandomStreams.SigmoidStart(seed, 4, 3), RandomStreams.SigmoidStart(seed, 4, 0.8), RandomStreams.SigmoidStart(seed, 8, 3),
            RandomStreams.RunKind(seed, 0), RandomStreams.RunKind(seed, 1), RandomStreams.RunKind(seed, 2),
        ];
        Assert.Equal(streams.Length, streams.Distinct().Count());
    }
}
