using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Pillaud-Vivien, Reygner and Flammarion's finite-noise limit on <c>⟨θ⊙θ, x⟩</c> (docs/theory.md §7.1):
/// d = 100, n = 40, a 4-sparse β° of ones, their loss <c>(1/4n)Σ(⟨θ², x_i⟩ − y_i)²</c> with step
/// γ = 0.1 and label noise <c>N(0, δ)</c>, δ = 4, on all labels (δ̄ = γδ/n = 0.01), θ₀ = 0.5, 4e5 steps. In the
/// suite's conventions: full batch, η = γ/2 = 0.05, σ = √δ = 2, Gaussian. Verdicts: the mean of each active
/// <c>β_j</c> over the second half against the non-negative h̄-weighted Lasso (PDLP), and the mean change per step of
/// <c>log β_j</c> off the active set against <c>−2η ∂_jF(β_L)</c>; power checks: δ̄ doubled, δ̄ halved, δ̄ = 0.
/// </summary>
public static class LassoLimitExperiment
{
    /// <summary>The case name in verdict rows.</summary>
    public const string CaseName = "quadratic d=100 n=40 s=4 lasso";

    private const int D = 100, N = 40, S = 4;

    /// <summary>Their step γ, label-noise variance δ and start θ₀ = 0.5·1.</summary>
    public const double Gamma = 0.1, Delta = 4, Start = 0.5;

    /// <summary>Steps per chain; the second half is the sample.</summary>
    public const int Steps = 400_000;

    /// <summary>Batches of the second half (each 2e4 steps, thousands of relaxation times): the samples per chain.</summary>
    public const int Blocks = 10;

    /// <summary>β is read every this many steps within a block.</summary>
    public const int ReadEvery = 4;

    private const int Segment = 2_000;

    /// <summary>The suite's step <c>η = γ/2</c> (loss ½ against their ¼) and label noise <c>σ = √δ</c>.</summary>
    public static (double Eta, double Sigma) Suite => (Gamma / 2, Math.Sqrt(Delta));

    /// <summary>Runs 8 chains (<paramref name="quick"/>: 2) from θ₀ = 0.5·1 and judges them.</summary>
    public static LassoLimitResult Run(bool quick, ulong seed, IProgress<double>? progress = null)
    {
        ulong key = CounterRandom.DeriveSeed(seed, 0x4C41UL);
        var problem = SparseRegressionProblem.Draw(D, N, S, key);
        var (eta, sigma) = Suite;
        var weights = QuadraticSetting.WeightsOf(problem.Data);
        double deltaBar = 2 * eta * sigma * sigma / N;
        var lasso = NonNegativeWeightedLasso.Solve(problem.Data, weights, deltaBar);
        var prediction = LassoLimitPrediction.Of(problem.Data, weights, lasso, eta, sigma);
        int chains = quick ? 2 : 8;
        var (sums, slopes, final) = Simulate(problem, new SgdProblem(eta, sigma, N, NoiseLaw.Gaussian), chains, key, prediction.Inactive, progress);

        var mean = Enumerable.Range(0, D).Select(j => sums.Average(b => b[j])).ToArray();
        var shift = prediction.SupportShift(mean);
        var doubled = NonNegativeWeightedLasso.Solve(problem.Data, weights, 2 * deltaBar);
        var interpolant = WeightedBasisPursuit.Solve(problem.Data, weights, nonNegative: true);
        var verdicts = new List<CheckResult>();
        var power = new List<PowerResult>();
        var bias = prediction.Active.Select((j, k) => prediction.SupportBias[k] + Math.Abs(shift[k])).ToArray();
        for (int k = 0; k < prediction.Active.Length; k++)
        {
            int j = prediction.Active[k];
            var m = MeanEstimate.Of([.. sums.Select(b => b[j])]);
            verdicts.Add(SuiteBudget.Budget.Judge("sparse_lasso_mean_beta", $"{CaseName} j={j}", lasso[j], m.Mean, m.StdErr, bias[k],
                $"mean of β_{j} over the second half ({Blocks} blocks × {chains} chains) against the h̄-weighted Lasso (PDLP, δ̄ = {deltaBar:G3}); bias: the O(η) term |A⁻¹c_S| = {prediction.SupportBias[k]:G3} and the off-support shift {Math.Abs(shift[k]):G3}"));
        }
        double WeightedL1(IReadOnlyList<double> beta) => prediction.Active.Sum(j => weights[j] * beta[j]);
        var l1 = MeanEstimate.Of([.. sums.Select(WeightedL1)]);
        double l1Bias = prediction.Active.Select((j, k) => weights[j] * bias[k]).Sum();
        verdicts.Add(SuiteBudget.Budget.Judge("sparse_lasso_weighted_l1", CaseName, WeightedL1(lasso), l1.Mean, l1.StdErr, l1Bias,
            $"⟨h̄, β⟩ on the active set (reg/4 there), mean over the second half, against the Lasso's; bias Σ h̄_j × the per-coordinate bias"));
        power.Add(SuiteBudget.Budget.PowerCheck("sparse_lasso_weighted_l1", CaseName, "δ̄ doubled",
            WeightedL1(NonNegativeWeightedLasso.Solve(problem.Data, weights, 2 * deltaBar)), l1.Mean, l1.StdErr, l1Bias));
        power.Add(SuiteBudget.Budget.PowerCheck("sparse_lasso_weighted_l1", CaseName, "δ̄ = 0 (the h̄-weighted basis-pursuit interpolant)",
            WeightedL1(WeightedBasisPursuit.Solve(problem.Data, weights, nonNegative: true)), l1.Mean, l1.StdErr, l1Bias));
        var rate = MeanEstimate.Of(slopes);
        double predictedRate = prediction.Rate(eta).Average(), rateBias = prediction.RateBias(eta, mean).Average();
        verdicts.Add(SuiteBudget.Budget.Judge("sparse_lasso_off_support_rate", CaseName, predictedRate, rate.Mean, rate.StdErr, rateBias,
            $"mean over the {prediction.Inactive.Length} inactive j of Δlog β_j per step over the second half against −2η∂_jF(β_L) (the Lasso's KKT gap); bias 4η(c_j + the support's bias)"));
        foreach (var (name, factor) in new[] { ("δ̄ doubled", 2.0), ("δ̄ halved", 0.5) })
        {
            var other = LassoLimitPrediction.Of(problem.Data, weights, NonNegativeWeightedLasso.Solve(problem.Data, weights, factor * deltaBar), eta, sigma * Math.Sqrt(factor));
            double perturbed = prediction.Inactive.Average(j => -2 * eta * other.Gap[j]);
            power.Add(SuiteBudget.Budget.PowerCheck("sparse_lasso_off_support_rate", CaseName, name, perturbed, rate.Mean, rate.StdErr, rateBias));
        }
        var figures = new List<KeyValuePair<string, string>>
        {
            new("Lasso (PV): active set; β_L there", $"{string.Join(", ", prediction.Active)}; {string.Join(", ", prediction.Active.Select(j => $"{lasso[j]:F5}"))}"),
            new("Lasso (PV): mean β over the second half there", string.Join(", ", prediction.Active.Select(j => $"{mean[j]:F5}"))),
            new("Lasso (PV): stated bias there (|A⁻¹c_S|; off-support shift)", $"{string.Join(", ", prediction.SupportBias.Select(b => $"{b:G3}"))}; {string.Join(", ", shift.Select(b => $"{b:G3}"))}"),
            new("Lasso (PV): largest inactive β at the end; ‖β̄ − β°‖²", $"{final.Max(b => prediction.Inactive.Max(j => b[j])):G3}; {problem.TestError(mean):G3}"),
        };
        return new LassoLimitResult(verdicts, power, figures);
    }

    /// <summary>
    /// The chains' block means of β (one per chain and block of the second half) and the block slopes of the mean over
    /// inactive j of <c>log β_j</c> per step, and the final β per chain.
    /// </summary>
    private static (List<double[]> Sums, double[] Slopes, double[][] Final) Simulate(SparseRegressionProblem problem, SgdProblem sgd,
        int chains, ulong key, int[] inactive, IProgress<double>? progress)
    {
        var model = new QuadraticLinear(D);
        var lasso = problem.Data;
        var states = Enumerable.Range(0, chains).Select(_ => Enumerable.Repeat(Start, D).ToArray()).ToArray();
        var half = ChainEnsemble.Run(model, lasso, new SgdSettings(sgd, CounterRandom.DeriveSeed(key, 0)), states,
            new ChainEnsembleOptions(Steps / 2) { CleanGradient = false });
        states = half.FinalStates;
        int blockSteps = Steps / 2 / Blocks, segments = blockSteps / Segment;
        int[] reads = [.. Enumerable.Range(1, Segment / ReadEvery).Select(r => r * ReadEvery)];
        var sums = new List<double[]>();
        var slopes = new List<double>();
        for (int b = 0; b < Blocks; b++)
        {
            var start = states.Select(LogTheta).ToArray();
            var blockSums = Enumerable.Range(0, chains).Select(_ => new double[D]).ToArray();
            for (int s = 0; s < segments; s++)
            {
                var run = ChainEnsemble.Run(model, lasso, new SgdSettings(sgd, CounterRandom.DeriveSeed(key, 1UL + (ulong)(b * segments + s))), states,
                    new ChainEnsembleOptions(Segment) { CleanGradient = false, SnapshotSteps = reads });
                foreach (var snapshot in run.Snapshots)
                {
                    for (int c = 0; c < chains; c++)
                    {
                        for (int j = 0; j < D; j++) blockSums[c][j] += snapshot[c][j] * snapshot[c][j];
                    }
                }
                states = run.FinalStates;
            }
            for (int c = 0; c < chains; c++)
            {
                sums.Add([.. blockSums[c].Select(v => v / (segments * reads.Length))]);
                var end = LogTheta(states[c]);
                slopes.Add(inactive.Average(j => 2 * (end[j] - start[c][j])) / blockSteps);
            }
            progress?.Report((b + 1.0) / Blocks);
        }
        return (sums, [.. slopes], [.. states.Select(t => model.Beta(t))]);
    }

    private static double[] LogTheta(double[] theta) => [.. theta.Select(t => Math.Log(Math.Abs(t)))];
}

/// <summary>The Lasso-limit verdicts, power checks and figures (docs/theory.md §7).</summary>
public sealed record LassoLimitResult(IReadOnlyList<CheckResult> Verdicts, IReadOnlyList<PowerResult> Power, IReadOnlyList<KeyValuePair<string, string>> Figures);
