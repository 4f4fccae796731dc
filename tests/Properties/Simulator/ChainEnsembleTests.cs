using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The chain ensemble (docs/theory.md §3 variance reduction): deterministic whatever the thread count, antithetic pairs
/// mirror each other, the Rao–Blackwell mean equals a hand-run chain, snapshots, progress, and divergence refused
/// with the stability limit 2/λ_max in the message.
/// </summary>
public class ChainEnsembleTests
{
    private static readonly SimulatorCase Case = SimulatorCase.Tanh;

    private static double[][] Offsets(int pairs, double scale) =>
        Enumerable.Range(0, pairs).Select(j => Enumerable.Range(0, Case.Model.ParameterCount)
            .Select(t => scale * CounterRandom.Gaussian(77, j, 0, t)).ToArray()).ToArray();

    [Fact]
    public void Results_are_identical_for_one_and_two_threads()
    {
        var settings = new SgdSettings(new SgdProblem(0.05, 0.4, 3, NoiseLaw.Gaussian), 5) { ParameterNoise = 1e-3 };
        var starts = ChainEnsemble.AntitheticStarts(Case.ThetaStar, Offsets(4, 0.01));
        ChainEnsembleResult Run(int threads) => ChainEnsemble.Run(Case.Model, Case.Data, settings, starts,
            new ChainEnsembleOptions(150) { Antithetic = true, SnapshotSteps = [0, 75, 150], MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var two = Run(2);
        for (int c = 0; c < starts.Length; c++)
        {
            Assert.Equal(one.FinalStates[c], two.FinalStates[c]);
            Assert.Equal(one.ChainMeanCleanGradient![c], two.ChainMeanCleanGradient![c]);
            for (int s = 0; s < 3; s++) Assert.Equal(one.Snapshots[s][c], two.Snapshots[s][c]);
            Assert.Equal(starts[c], one.Snapshots[0][c]);
            Assert.Equal(one.FinalStates[c], one.Snapshots[2][c]);
        }
        for (int j = 0; j < 4; j++) Assert.Equal(one.PairMeanCleanGradient![j], two.PairMeanCleanGradient![j]);
        Assert.NotEqual(one.FinalStates[0], one.FinalStates[2]);
    }

    [Fact]
    public void An_antithetic_pair_mirrors_its_first_step_through_the_same_batch()
    {
        var settings = new SgdSettings(new SgdProblem(0.05, 0.5, 2, NoiseLaw.Gaussian), 9) { ParameterNoise = 1e-3 };
        var starts = ChainEnsemble.AntitheticStarts(Case.ThetaStar, [new double[Case.Model.ParameterCount]]);
        var result = ChainEnsemble.Run(Case.Model, Case.Data, settings, starts,
            new ChainEnsembleOptions(1) { Antithetic = true });
        double moved = 0;
        for (int t = 0; t < Case.ThetaStar.Length; t++)
        {
            double plus = result.FinalStates[0][t] - Case.ThetaStar[t], minus = result.FinalStates[1][t] - Case.ThetaStar[t];
            Assert.Equal(0, plus + minus, 1e-13); // only the O(1e-14) residual of θ* is even in ε
            moved = Math.Max(moved, Math.Abs(plus));
        }
        Assert.True(moved > 1e-4);
    }

    [Fact]
    public void The_rao_blackwell_mean_equals_a_hand_run_chain()
    {
        var settings = new SgdSettings(new SgdProblem(0.05, 0.4, 3, NoiseLaw.Rademacher), 13);
        var starts = Offsets(4, 0.02).Select(u => Case.ThetaStar.Zip(u, (a, b) => a + b).ToArray()).ToArray();
        const int steps = 60;
        var result = ChainEnsemble.Run(Case.Model, Case.Data, settings, starts, new ChainEnsembleOptions(steps));

        var sgd = new LabelNoiseSgd(Case.Model, Case.Data, settings);
        var ws = sgd.CreateWorkspace();
        var theta = (double[])starts[3].Clone();
        var sum = new double[theta.Length];
        var g = new double[theta.Length];
        for (int k = 0; k < steps; k++)
        {
            sgd.CleanGradient(theta, g, ws);
            for (int t = 0; t < g.Length; t++) sum[t] += g[t];
            sgd.Step(theta, 3, k, 1.0, ws);
        }
        Assert.Equal(theta, result.FinalStates[3]);
        for (int t = 0; t < sum.Length; t++) Assert.Equal(sum[t] / steps, result.ChainMeanCleanGradient![3][t], 1e-15);
        Assert.Same(result.ChainMeanCleanGradient, result.PairMeanCleanGradient);
    }

    [Fact]
    public void Progress_reaches_one_and_the_clean_gradient_can_be_skipped()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        var settings = new SgdSettings(new SgdProblem(0.05, 0.4, Case.Data.Count, NoiseLaw.Gaussian), 3);
        var result = ChainEnsemble.Run(Case.Model, Case.Data, settings, [Case.ThetaStar, Case.ThetaStar],
            new ChainEnsembleOptions(200) { CleanGradient = false, Progress = progress });
        Assert.Null(result.ChainMeanCleanGradient);
        Assert.Null(result.PairMeanCleanGradient);
        Assert.Equal(1.0, reports.Max());
    }

    [Fact]
    public void Lambda_max_matches_the_spectrum_of_G()
    {
        var projector = new TangentProjector(Case.Model, Case.Data, Case.ThetaStar);
        int n = Case.Data.Count, p = Case.Model.ParameterCount;
        var j = Matrix<double>.Build.Dense(n, p, (i, t) => projector.Jacobian[i * p + t]);
        double expected = (j * j.Transpose() / n).Evd().EigenValues.Max(e => e.Real);
        Assert.Equal(expected, LargestCurvature.Of(Case.Model, Case.Data, Case.ThetaStar), expected * 1e-9);
    }

    [Fact]
    public void Divergence_beyond_two_over_lambda_max_is_refused_with_the_limit()
    {
        var model = new MatrixSensing(3, 3);
        int n = 4;
        var x = new double[n * 9];
        for (int i = 0; i < n; i++)
            MatrixSensing.SensingMatrix(Enumerable.Range(0, 9).Select(t => CounterRandom.Gaussian(21, i, 0, t)).ToArray(), 3)
                .CopyTo(x, i * 9);
        var truth = Enumerable.Range(0, 9).Select(t => CounterRandom.Gaussian(24, 0, 0, t)).ToArray();
        var y = Enumerable.Range(0, n).Select(i => model.Value(truth, x.AsSpan(i * 9, 9), model.CreateWorkspace(1))).ToArray();
        var data = new Dataset(x, y, 9);
        var start = Enumerable.Range(0, 9).Select(t => CounterRandom.Gaussian(23, 0, 0, t)).ToArray();
        var thetaStar = ZeroLossProjection.FindInterpolant(model, data, start);
        double lambda = LargestCurvature.Of(model, data, thetaStar), limit = SgdProblem.MaximumStep(lambda);
        // 3×: between 2/λ and about 4/λ a quadratic model can catapult to a flatter minimum instead of diverging.
        var settings = new SgdSettings(new SgdProblem(3 * limit, 0.1, n, NoiseLaw.Gaussian), 1);
        var e = Assert.Throws<InvalidInputException>(() =>
            ChainEnsemble.Run(model, data, settings, [thetaStar], new ChainEnsembleOptions(2000) { CleanGradient = false }));
        Assert.Equal("eta", e.Field);
        Assert.Contains("2/λ_max", e.Message);
        Assert.Equal("eta", Assert.Throws<InvalidInputException>(() =>
            new SgdProblem(1.5 * limit, 0.1, n).RequireStable(lambda)).Field);
        new SgdProblem(0.5 * limit, 0.1, n).RequireStable(lambda);
    }

    [Fact]
    public void Bad_runs_are_named()
    {
        var settings = new SgdSettings(new SgdProblem(0.05, 0.4, Case.Data.Count, NoiseLaw.Gaussian), 3);
        InvalidInputException Fails(IReadOnlyList<double[]> starts, ChainEnsembleOptions o) =>
            Assert.Throws<InvalidInputException>(() => ChainEnsemble.Run(Case.Model, Case.Data, settings, starts, o));
        var s = Case.ThetaStar;
        Assert.Equal("starts", Fails([s, s, s], new ChainEnsembleOptions(5) { Antithetic = true }).Field);
        Assert.Equal("steps", Fails([s], new ChainEnsembleOptions(0)).Field);
        Assert.Equal("snapshotSteps[1]", Fails([s], new ChainEnsembleOptions(5) { SnapshotSteps = [2, 6] }).Field);
        Assert.Equal("starts[0]", Fails([new double[3]], new ChainEnsembleOptions(5)).Field);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
