using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>Generated chain-ensemble runs on DAG networks with skip connections.</summary>
public static class DagChainRunCases
{
    public static Arbitrary<ChainRunCase> Cases() => Arb.From(ChainRunGen.Dag);
}

/// <summary>
/// The DAG network's chains on lanes (<c>DagLanes</c>, docs/design.md "Bit-identity contract") are the per-chain
/// simulator of docs/theory.md §1 and §3 chain by chain, node by node: final states, snapshots, Rao–Blackwell mean
/// gradients and losses equal as doubles at two, four and eight lanes (the machine's width among them), on generated DAGs with
/// skip connections over every activation.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class DagLaneTests
{
    /// <summary>At two, four and eight lanes (the machine's width is one of them), the per-chain run chain by chain (or its error).</summary>
    [Property(Arbitrary = [typeof(DagChainRunCases)])]
    public void Dag_chains_on_lanes_equal_per_chain_runs(ChainRunCase run) => ChainBlockTests.AssertBatchedIsPerChain(run);

    /// <summary>
    /// Power: one lane fed a start one ulp off in one coordinate (chain 5 of block 0) is found, and only that chain
    /// differs, so the comparison resolves a single lane at the last bit and lanes do not leak: on a minibatch, and on
    /// the full batch with the clean gradient (the shared clean and noisy pass).
    /// </summary>
    [Theory]
    [InlineData(2, false)]
    [InlineData(4, true)]
    public void A_single_broken_dag_lane_is_found(int batch, bool clean)
    {
        var dag = new DagNetwork(2,
        [
            new DagNeuron(ActivationKind.Softplus, [0, 1]),
            new DagNeuron(ActivationKind.Silu, [2, 0]),
            new DagNeuron(ActivationKind.Tanh, [1, 3, 2]),
            new DagNeuron(ActivationKind.Identity, [4, 0, 2]),
        ]);
        var thetaStar = Enumerable.Range(0, dag.ParameterCount).Select(j => 0.5 * CounterRandom.Gaussian(7, 0, 0, j)).ToArray();
        var x = Enumerable.Range(0, 8).Select(j => CounterRandom.Gaussian(7, 1, 0, j)).ToArray();
        var data = new Dataset(x, [0.1, -0.2, 0.3, 0.05], 2);
        var starts = ChainEnsemble.AntitheticStarts(thetaStar, [.. Enumerable.Range(0, 6).Select(j =>
            thetaStar.Select((_, t) => 0.01 * CounterRandom.Gaussian(3, j, 0, t)).ToArray())]);
        var run = new ChainRunCase(new NetworkCase(dag, thetaStar, data),
            new SgdSettings(new SgdProblem(0.05, 0.3, batch), 11) { ParameterNoise = 1e-3 }, starts,
            new ChainEnsembleOptions(40) { Antithetic = true, CleanGradient = clean, SnapshotSteps = [0, 20, 40] });
        var broken = run.Starts.Select(s => (double[])s.Clone()).ToArray();
        broken[5][0] = Math.BitIncrement(broken[5][0]);
        var reference = ChainBlockTests.Run(run, ChainKernel.PerChain).Result!;
        foreach (int width in ChainBlockTests.Widths)
        {
            var batched = ChainBlockTests.Run(run with { Starts = broken }, ChainKernel.Batched, width: width).Result!;
            Assert.Equal(5, ChainBlockTests.FirstDisagreement(reference, batched)?.Chain);
            Assert.Null(ChainBlockTests.FirstDisagreement(reference, batched, skip: 5));
        }
    }
}
