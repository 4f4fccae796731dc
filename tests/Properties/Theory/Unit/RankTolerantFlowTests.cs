using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Statistics;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>
/// The slow flow where J loses rank (docs/theory.md §4.2) and the σ = 0 control's fixed-point shortcut: the
/// rank-tolerant flow is the regular flow at a regular point, goes on where the regular one throws, and the shortcut
/// gives the per-chain simulator's bits.
/// </summary>
public sealed class RankTolerantFlowTests
{
    private const int Width = 20;

    /// <summary>
    /// The straight line 0.5x + 0.2 from 20 neurons whose kinks lie at −2 − 0.1j, left of the hull: every neuron is
    /// active on every data point, so each row of J is affine in x_i and J has rank 2 of 6.
    /// </summary>
    private static double[] StraightLine()
    {
        var theta = new double[3 * Width + 1];
        double intercept = 0;
        for (int j = 0; j < Width; j++)
        {
            theta[j] = 1;
            theta[Width + j] = 2 + 0.1 * j;
            theta[2 * Width + j] = 0.5 / Width;
            intercept += theta[2 * Width + j] * theta[Width + j];
        }
        theta[3 * Width] = 0.2 - intercept;
        return theta;
    }

    [Fact]
    public void At_a_regular_point_the_tolerant_flow_is_the_regular_flow()
    {
        var model = new ProductModel(1);
        var regular = RiemannianSlowFlow.Integrate(model, [2.0, 0.5], HandData.SinglePoint(), 1, 20).Final;
        var (tolerant, losses, _) = RankTolerantSlowFlow.Integrate(model, [2.0, 0.5], HandData.SinglePoint(), 0, 1, 20);
        Assert.Empty(losses);
        for (int k = 0; k < 2; k++) Assert.Equal(regular[k], tolerant[k], 10);
    }

    [Fact]
    public void Where_J_has_lost_rank_the_tolerant_flow_goes_on_and_lowers_reg()
    {
        var model = Mlp.Relu1D(Width);
        var data = Relu1DData.Collinear.Data;
        var start = StraightLine();
        var frame = TruncatedFrame.At(model, start, data);
        Assert.Equal(2, frame.Rank);
        Assert.ThrowsAny<Exception>(() => RiemannianSlowFlow.Integrate(model, start, data, 0.2, 4));

        var (final, losses, _) = RankTolerantSlowFlow.Integrate(model, start, data, 0, 0.2, 4);
        Assert.Equal(4, losses.Count);
        Assert.All(losses, l => Assert.Equal(2, l.Rank));
        var outputs = new double[data.Count];
        model.Forward(final, data.X, outputs, model.CreateWorkspace(data.Count));
        for (int i = 0; i < data.Count; i++) Assert.True(Math.Abs(outputs[i] - data.Y[i]) < RankTolerantSlowFlow.AcceptedResidual, $"r_{i}");
        var ws = model.CreateWorkspace(data.Count);
        double before = model.Reg(start, data.X, ws), after = model.Reg(final, data.X, ws);
        Assert.True(after < before - 1e-3, $"reg {before} -> {after}");
    }

    [Fact]
    public void The_flow_track_goes_on_past_lost_rank_and_says_where()
    {
        var model = Mlp.Relu1D(Width);
        var data = Relu1DData.Collinear.Data;
        var track = FlowTrack.Integrate(model, data, StraightLine(), [0.1, 0.2], 0.05,
            [ProjectedObservable.Reg(model, data)]);
        Assert.Equal("", track.Stopped);
        Assert.All(track.Values["reg"], v => Assert.True(double.IsFinite(v)));
        Assert.NotEmpty(track.RankLosses);
        Assert.Equal(0, track.TolerantFrom);
        Assert.Contains("rank 2", track.RankLossSummary, StringComparison.Ordinal);
    }

    /// <summary>
    /// The flow's work at kinks on data points is capped (docs/theory.md §4.2, "The flow's work at kinks on data points
    /// is bounded"): generic data, seed 1's start, meets such kinks before t = 12 (near t = 5.8 with AVX-512, later without it: the
    /// retraction's stall depends on the GEMM's last bits; checked with AVX-512, AVX2 and neither); with a budget of 3 it takes exactly
    /// three such steps, then stops and says where, and reads NaN after.
    /// </summary>
    [Fact]
    public void The_flow_stops_once_its_kink_budget_is_spent()
    {
        var plan = Relu1DExperiment.Plan(quick: true, seed: 1);
        var set = Relu1DData.Generic;
        var model = Mlp.Relu1D(Width);
        var start = Relu1DExperiment.Start(set, plan);
        var track = FlowTrack.Integrate(model, set.Data, start.Theta, [0.5, 1, 1.5, 2, 2.5, 3, 6, 12], plan.FlowStep, [ProjectedObservable.Reg(model, set.Data)], kinkBudget: 3);
        Assert.True(track.KinkSteps.Count == 3, $"{track.KinkSteps.Count} steps at kinks; {track.Stopped}");
        Assert.Contains("reached its budget", track.Stopped, StringComparison.Ordinal);
        Assert.True(double.IsNaN(track.At("reg", 12)));
        Assert.Equal(track.KinkSteps[0].Time, track.FirstRankLoss);
        Assert.Contains("kink on a data point", track.FirstRankLossDetail, StringComparison.Ordinal);
    }

    /// <summary>
    /// A comparison against the flow reads before the flow's first rank loss (docs/theory.md §4.2, "Where the flow is
    /// the prediction"), and says why; without a rank loss it reads at the horizon.
    /// </summary>
    [Fact]
    public void A_comparison_against_the_flow_reads_before_its_first_rank_loss()
    {
        var plan = ExperimentPlan.FullBatch(0.02, 6, 2, 100_000, 6, 1, 0.05, 1);
        var steps = TrackingSchedule.LogSpaced(plan.Run.Steps, plan.TrackPoints);
        var times = steps.Select(k => plan.Sgd.SlowTime(k)).ToArray();
        var values = new Dictionary<string, MeanEstimate[]> { ["reg"] = [.. times.Select(_ => new MeanEstimate(1, 0.1, 2))] };
        var chains = new TrackedRun(RunKind.LabelNoise, steps, values, [], 0, "");
        var flowValues = new Dictionary<string, double[]> { ["reg"] = [.. times.Select(_ => 1.0)] };
        var regular = new FlowTrack(times, new double[]?[times.Length], flowValues, "");
        var model = Mlp.Relu1D(Width);
        var start = new ManifoldStart(StraightLine(), StraightLine(), ManifoldRoute.OnManifold, 0, 0, double.NaN, 0);
        var runs = new RunSet(model, Relu1DData.Collinear.Data, plan, start, 1, new Dictionary<RunKind, TrackedRun> { [RunKind.LabelNoise] = chains }, regular);
        Assert.Equal(times.Length - 1, new FlowComparison(runs, 0).Last("reg"));
        double loss = (times[2] + times[3]) / 2;
        var lost = new FlowComparison(runs with { Flow = regular with { RankLosses = [new RankLoss(loss, 5, [0.6])] } }, 0);
        Assert.Equal(2, lost.Last("reg"));
        Assert.Contains("first rank loss next: J lost rank at t", lost.EarlyReading("reg"), StringComparison.Ordinal);
        Assert.False(lost.Predicts(times[3]));
        var kink = new FlowComparison(runs with { Flow = regular with { KinkSteps = [new KinkStep(times[1], [0.6])] } }, 0);
        Assert.Equal(0, kink.Last("reg"));
    }

    /// <summary>
    /// At kinks sitting exactly on data points (where J from one side is wrong on the other), a residual along the
    /// output layer, in which h is affine, is removed by one least-squares step of <see cref="TruncatedFrame.BlockSolution"/>.
    /// </summary>
    [Fact]
    public void Along_the_affine_block_one_step_solves_the_constraints_at_kinks_on_data_points()
    {
        var model = Mlp.Relu1D(Width);
        var data = Relu1DData.Generic.Data;
        Assert.Equal((2 * Width, Width + 1), model.AffineBlock);
        var theta = new double[3 * Width + 1];
        for (int j = 0; j < Width; j++)
        {
            // Kinks at the data points and between them, pointing both ways.
            theta[j] = j % 2 == 0 ? 1 : -1;
            theta[Width + j] = -theta[j] * Relu1DData.X[j % 6] + 0.03 * (j / 6);
            theta[2 * Width + j] = 0.1 * Math.Sin(j + 1);
        }
        var frame = TruncatedFrame.At(model, theta, data);
        var (offset, count) = model.AffineBlock;
        var delta = frame.BlockSolution(frame.Residuals, offset, count);
        for (int j = 0; j < offset; j++) Assert.Equal(0, delta[j]);
        Vectors.AddScaled(theta, delta, -1);
        var outputs = new double[data.Count];
        model.Forward(theta, data.X, outputs, model.CreateWorkspace(data.Count));
        for (int i = 0; i < data.Count; i++) Assert.True(Math.Abs(outputs[i] - data.Y[i]) < 1e-13, $"r_{i} = {outputs[i] - data.Y[i]}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    public void The_sigma_zero_shortcut_gives_the_per_chain_bits(double offset)
    {
        // On M (offset 0) θ becomes fixed within the run (here after about 1800 steps); off M plain GD moves first.
        var model = Mlp.Relu1D(Width);
        var data = Relu1DData.Collinear.Data;
        var start = StraightLine();
        start[3 * Width] += offset;
        var settings = new SgdSettings(SgdProblem.FullBatch(0.02, 0, data.Count), 7);
        int[] steps = [0, 1, 10, 100, 1000, 5000];
        var (snapshots, fixedFrom) = DeterministicChain.Run(model, data, settings, start, steps);
        var reference = ChainEnsemble.Run(model, data, settings, [start], new ChainEnsembleOptions(steps[^1])
        {
            CleanGradient = false,
            SnapshotSteps = steps,
            Kernel = ChainKernel.PerChain,
        });
        for (int s = 0; s < steps.Length; s++)
            Assert.Equal(reference.Snapshots[s][0].Select(BitConverter.DoubleToInt64Bits), snapshots[s].Select(BitConverter.DoubleToInt64Bits));
        if (offset == 0) Assert.InRange(fixedFrom, 0, steps[^1] - 1);
        else Assert.True(fixedFrom is -1 or > 10, $"fixed from {fixedFrom}");
    }
}
