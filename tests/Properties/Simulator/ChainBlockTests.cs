using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>Generated chain-ensemble runs for the batched-versus-per-chain property.</summary>
public static class ChainRunCases
{
    public static Arbitrary<ChainRunCase> Cases() => Arb.From(ChainRunGen.Any);
}

/// <summary>
/// The chain-batched simulator (two, four or eight chains per vector) is the per-chain simulator of docs/theory.md §1 and §3,
/// chain by chain: final states, snapshots, Rao–Blackwell mean gradients and losses are equal as doubles (no
/// tolerance: the batched kernel reproduces every rounding), and a diverging run fails with the same message.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class ChainBlockTests
{
    /// <summary>The lane widths the tests force, each on any machine (a width the CPU lacks is emulated by the runtime).</summary>
    public static readonly int[] Widths = [2, 4, 8];

    /// <summary>At every lane width (two, four and eight chains a block), the per-chain run chain by chain.</summary>
    [Property(Arbitrary = [typeof(ChainRunCases)])]
    public void Batched_chains_equal_per_chain_runs(ChainRunCase run)
    {
        var (perChain, perChainError) = Run(run, ChainKernel.PerChain, threads: 1);
        foreach (int width in Widths)
        {
            var (batched, batchedError) = Run(run, ChainKernel.Batched, width: width);
            // On one thread both kernels report the lowest-numbered diverged chain; on more, whichever worker threw first.
            if (perChainError is not null || batchedError is not null)
                Assert.Equal(perChainError, Run(run, ChainKernel.Batched, threads: 1, width: width).Error);
            if (perChain is null || batched is null) continue;
            var disagreement = FirstDisagreement(perChain, batched);
            Assert.True(disagreement is null, $"width {width}: chain {disagreement?.Chain} differs in its {disagreement?.What}");
        }
    }

    /// <summary>
    /// Power: one lane broken by one ulp in one coordinate of its start (chain 5 of block 0) is found, and only that
    /// chain differs, so the comparison above resolves a single lane at the last bit and lanes do not leak: on a
    /// minibatch, and on the full batch with the clean gradient (the fused clean and noisy pass of <c>MlpLanes</c>).
    /// </summary>
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    public void A_single_broken_lane_is_found(int batch, bool clean)
    {
        var c = SimulatorCase.Tanh;
        var starts = ChainEnsemble.AntitheticStarts(c.ThetaStar, [.. Enumerable.Range(0, 6).Select(j =>
            c.ThetaStar.Select((_, t) => 0.01 * NoiseDrift.Engine.Random.CounterRandom.Gaussian(3, j, 0, t)).ToArray())]);
        var run = new ChainRunCase(new NetworkCase(c.Model, c.ThetaStar, c.Data),
            new SgdSettings(new SgdProblem(0.05, 0.3, batch), 11) { ParameterNoise = 1e-3 }, starts,
            new ChainEnsembleOptions(40) { Antithetic = true, CleanGradient = clean, SnapshotSteps = [0, 20, 40] });
        var broken = run.Starts.Select(s => (double[])s.Clone()).ToArray();
        broken[5][0] = Math.BitIncrement(broken[5][0]);
        var reference = Run(run, ChainKernel.PerChain).Result!;
        foreach (int width in Widths)
        {
            var batched = Run(run with { Starts = broken }, ChainKernel.Batched, width: width).Result!;
            Assert.Equal(5, FirstDisagreement(reference, batched)?.Chain);
            Assert.Null(FirstDisagreement(reference, batched, skip: 5));
        }
    }

    /// <summary>On one thread, the batched run at every width is the per-chain run chain by chain, or ends with its error.</summary>
    internal static void AssertBatchedIsPerChain(ChainRunCase run)
    {
        var (perChain, perChainError) = Run(run, ChainKernel.PerChain, threads: 1);
        foreach (int width in Widths)
        {
            var (batched, batchedError) = Run(run, ChainKernel.Batched, threads: 1, width: width);
            Assert.Equal(perChainError, batchedError);
            if (perChain is null || batched is null) continue;
            var disagreement = FirstDisagreement(perChain, batched);
            Assert.True(disagreement is null, $"width {width}: chain {disagreement?.Chain} differs in its {disagreement?.What}");
        }
    }

    /// <summary>The run with this kernel, thread count and lane width (0: the machine's), or the error it ends with.</summary>
    internal static (ChainEnsembleResult? Result, string? Error) Run(ChainRunCase run, ChainKernel kernel, int threads = -1,
        int width = 0)
    {
        try
        {
            return (ChainEnsemble.Run(run.Case.Model, run.Case.Data, run.Settings, run.Starts,
                run.Options with { Kernel = kernel, MaxDegreeOfParallelism = threads, LaneWidth = width }), null);
        }
        catch (Exception e) when (e is SgdDivergedException or NoiseDrift.Engine.Validation.InvalidInputException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The first chain (other than <paramref name="skip"/>) whose recorded numbers differ, and which.</summary>
    internal static (int Chain, string What)? FirstDisagreement(ChainEnsembleResult a, ChainEnsembleResult b, int skip = -1)
    {
        static bool Same(double[] x, double[] y) => x.Zip(y).All(t => t.First == t.Second || (double.IsNaN(t.First) && double.IsNaN(t.Second)));
        for (int c = 0; c < a.Chains; c++)
        {
            if (c == skip) continue;
            if (!Same(a.FinalStates[c], b.FinalStates[c])) return (c, "final state");
            for (int s = 0; s < a.Snapshots.Length; s++)
            {
                if (!Same(a.Snapshots[s][c], b.Snapshots[s][c])) return (c, $"snapshot {a.SnapshotSteps[s]}");
            }
            if (a.ChainMeanCleanGradient is not null && !Same(a.ChainMeanCleanGradient[c], b.ChainMeanCleanGradient![c]))
                return (c, "mean clean gradient");
            if (a.ChainMeanCleanLoss is not null && !Same([a.ChainMeanCleanLoss[c]], [b.ChainMeanCleanLoss![c]]))
                return (c, "mean clean loss");
        }
        return null;
    }
}
