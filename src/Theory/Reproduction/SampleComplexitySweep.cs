using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Li, Wang and Arora's sample-complexity transition on HaoChen's model (docs/theory.md §7.2): for
/// each n, a fresh problem (d = 100, 5-sparse β* of ones), label noise on HaoChen's schedule and GD from θ₀ = 1 (the
/// kernel regime) at γ = 0.01 for 1e5 steps (its later phases move GD by little), and their final test errors
/// <c>‖β − β*‖²</c>. Label noise recovers β* once n is a few times <c>κ ln d</c>; GD needs n of order d.
/// </summary>
public static class SampleComplexitySweep
{
    private const int D = 100, S = 5;

    /// <summary>The n of the full sweep; <c>--quick</c> runs 10 and 40 only.</summary>
    public static readonly int[] Sizes = [10, 20, 30, 40, 60, 80, 100, 120];

    /// <summary>GD's steps at γ = 0.01.</summary>
    public const int GdSteps = 100_000;

    /// <summary>Label-noise chains per n.</summary>
    public const int Chains = 2;

    /// <summary>Runs the sweep; the final test error per n for label noise (mean of the chains) and GD.</summary>
    public static IReadOnlyList<SampleComplexityPoint> Run(bool quick, ulong seed, IProgress<double>? progress = null)
    {
        int[] sizes = quick ? [10, 40] : Sizes;
        var model = new QuadraticLinear(D);
        var start = Enumerable.Repeat(1.0, D).ToArray();
        int done = 0;
        // Each n has its own seed, so running them at once gives the same points on any thread count.
        var points = sizes.AsParallel().AsOrdered().Select(n =>
        {
            ulong key = CounterRandom.DeriveSeed(seed, 0x5343UL + (ulong)n);
            var problem = SparseRegressionProblem.Draw(D, n, S, key);
            var (_, noisy) = SparseDynamics.LabelNoiseSgd(SparseRegressionExperiment.Delta).Run(model, problem.Data, start,
                SparseRegressionExperiment.Gammas, SparseRegressionExperiment.PhaseSteps, SparseRegressionExperiment.PhaseSteps, Chains,
                CounterRandom.DeriveSeed(key, 1));
            var (_, gd) = SparseDynamics.Gd.Run(model, problem.Data, start, [SparseRegressionExperiment.Gammas[0]], GdSteps, GdSteps, 1,
                CounterRandom.DeriveSeed(key, 2));
            progress?.Report(Interlocked.Increment(ref done) / (double)sizes.Length);
            return new SampleComplexityPoint(n, noisy[^1].Average(t => problem.TestError(model.Beta(t))), problem.TestError(model.Beta(gd[^1][0])));
        }).ToList();
        return points;
    }
}

/// <summary>The final test errors at one n (docs/theory.md §7).</summary>
/// <param name="Samples">n.</param>
/// <param name="LabelNoise">Label noise's <c>‖β − β*‖²</c>, mean over the chains.</param>
/// <param name="Gd">GD's.</param>
public sealed record SampleComplexityPoint(int Samples, double LabelNoise, double Gd);
