using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Simulator;
using NoiseDrift.Theory.Experiments;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// The scaling checks' base point reuses the stationary experiment's first pairs when that experiment ran the plan with
/// more pairs (docs/theory.md §3, "Variance reduction": pair j's start and noise are keyed by j alone):
/// <see cref="ChainExperiment.FirstPairs"/> is, to the last bit, the run of the smaller plan.
/// </summary>
public sealed class FirstPairsTests
{
    [Fact]
    public void First_pairs_of_a_longer_run_are_the_shorter_run()
    {
        var @case = Cases.Minibatch;
        var plan = RunPlan.Antithetic(5, 30, 10, Cases.Seed);
        var more = ChainExperiment.Run(@case, plan with { Chains = 26 });
        var alone = ChainExperiment.Run(@case, plan);
        var first = more.FirstPairs(plan);
        Assert.Equal(plan, first.Plan);
        Assert.Equal(alone.Starts.Count, first.Starts.Count);
        Assert.True(alone.Starts.Zip(first.Starts).All(s => s.First.SequenceEqual(s.Second)), "starts differ");
        Assert.Null(ChainBlockTests.FirstDisagreement(alone.Result, first.Result));
        Assert.Equal(alone.Result.PairMeanCleanGradient!.Length, first.Result.PairMeanCleanGradient!.Length);
        Assert.Throws<ArgumentException>(() => alone.FirstPairs(plan with { Chains = 26 }));
        Assert.Throws<ArgumentException>(() => more.FirstPairs(plan with { Steps = 29 }));
    }
}
