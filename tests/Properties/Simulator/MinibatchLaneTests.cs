using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The lane paths of the softplus/GELU minibatch case (docs/theory.md §1: batched equals per chain, bit for bit), at two,
/// four and eight lanes: softplus and GELU on lanes are the scalar rule entry by entry, and the minibatch step that takes
/// its rows' forward pass from the clean full-batch pass (<c>MlpLanes.BatchLossGradient</c>) is the per-chain run.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class MinibatchLaneTests
{
    private static readonly double[] Edges =
        [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-300, -1e-300, 40, -40, 800, -800,
            710, -710, 1e-8, -1e-8, 19.06, -19.06, 3.5, -3.5];

    /// <summary>φ and φ' of softplus and GELU on lanes have the bits of the scalar rule at every entry, edges included.</summary>
    [Property]
    public void Softplus_and_gelu_lanes_are_the_scalar_rule(double[] values, int scale)
    {
        var z = values.Select(v => v * Math.Pow(2, scale % 8)).Concat(Edges).ToArray();
        foreach (var kind in new[] { ActivationKind.Softplus, ActivationKind.Gelu })
        {
            Rule<Width128, Lanes128, Bits128>(kind, z);
            Rule<Width256, Lanes256, Bits256>(kind, z);
            Rule<Width512, Lanes512, Bits512>(kind, z);
        }
    }

    /// <summary>
    /// Minibatch with the clean gradient (the rows' forward pass copied from the full pass where
    /// <c>MlpLanes.RowsReusable</c>, computed again where not) is the per-chain run, chain by chain, at every width.
    /// </summary>
    [Property(Arbitrary = [typeof(ChainRunCases)])]
    public void Minibatch_after_the_clean_pass_equals_per_chain_runs(ChainRunCase run)
    {
        int n = run.Case.Data.Count;
        if (n < 2) return;
        var minibatch = run with
        {
            Settings = run.Settings with { Problem = run.Settings.Problem with { Batch = Math.Min(run.Settings.Problem.Batch, n - 1) } },
            Options = run.Options with { CleanGradient = true },
        };
        ChainBlockTests.AssertBatchedIsPerChain(minibatch);
    }

    /// <summary>
    /// Power: on the built-in B = 2 softplus/GELU shape (n = 4) rows are reused; with eight full-batch rows and a layer
    /// of eight, the GEMM fuses the batch's rows but not the full pass's on AVX-512, so there they are computed again,
    /// and a minibatch run there is still the per-chain run.
    /// </summary>
    [Fact]
    public void Rows_are_reused_only_where_the_gemm_fuses_alike()
    {
        var built = new Mlp(2, [4, 3], [ActivationKind.Softplus, ActivationKind.Gelu]);
        Assert.True(MlpLanes<Width512, Lanes512, Bits512>.RowsReusable(built, 4, 2));
        var wide = new Mlp(2, [8], [ActivationKind.Gelu]);
        Assert.Equal(!Vector512.IsHardwareAccelerated, MlpLanes<Width512, Lanes512, Bits512>.RowsReusable(wide, 8, 2));
        var theta = Enumerable.Range(0, wide.ParameterCount).Select(j => 0.5 * NoiseDrift.Engine.Random.CounterRandom.Gaussian(5, 0, 0, j)).ToArray();
        var x = Enumerable.Range(0, 16).Select(i => NoiseDrift.Engine.Random.CounterRandom.Gaussian(5, 1, 0, i)).ToArray();
        var data = new NoiseDrift.Engine.Data.Dataset(x, [.. Enumerable.Range(0, 8).Select(i => 0.1 * i)], 2);
        var run = new ChainRunCase(new NetworkCase(wide, theta, data), new SgdSettings(new SgdProblem(0.05, 0.3, 2), 3),
            [.. Enumerable.Range(0, 10).Select(_ => (double[])theta.Clone())],
            new ChainEnsembleOptions(20) { Antithetic = true, CleanGradient = true, SnapshotSteps = [0, 10, 20] });
        ChainBlockTests.AssertBatchedIsPerChain(run);
    }

    private static void Rule<TW, TV, TU>(ActivationKind kind, double[] values)
        where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
    {
        int w = TW.Count;
        var x = values.Concat(new double[w - 1]).Take(w * ((values.Length + w - 1) / w)).ToArray();
        var z = MemoryMarshal.Cast<double, TV>(x);
        var (value, d1) = (new TV[z.Length], new TV[z.Length]);
        if (kind == ActivationKind.Softplus) ActivationLanes<TW, TV, TU>.Softplus(z, value, d1);
        else ActivationLanes<TW, TV, TU>.Gelu(z, value, d1);
        var got = MemoryMarshal.Cast<TV, double>(value);
        var slope = MemoryMarshal.Cast<TV, double>(d1);
        static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ||
            (double.IsNaN(a) && double.IsNaN(b));
        for (int t = 0; t < x.Length; t++)
        {
            Activation.Evaluate(kind, x[t], out double v, out double d, out _);
            Assert.True(Same(got[t], v), $"{w} lanes: {kind}({x[t]:R}) = {got[t]:R}, scalar {v:R}");
            Assert.True(Same(slope[t], d), $"{w} lanes: {kind}'({x[t]:R}) = {slope[t]:R}, scalar {d:R}");
        }
    }
}
