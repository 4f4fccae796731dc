using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Bench;

/// <summary>
/// The <c>matrix-sensing</c> workload (docs/theory.md §4.1): what <c>reproduce matrix-sensing --out</c> spends its time on.
/// <c>sim_chain_steps</c>: label-noise chain-steps per second of the experiment's own run (d = k = 8, n = 16, η = 0.02,
/// σ = 1, its 8 chains on the per-chain kernel across the cores, seed 1's GD start); <c>gd_steps</c>: plain full-batch GD steps per second from seed 1's
/// first random U₀ on n = 40 measurements at the start search's step <c>1/λ_max</c>, the cost of the n sweep's start
/// searches (at n ≥ 20 each of 8 draws runs the full 100,000 steps before it is rejected). Both also per CPU second.
/// </summary>
public static class MatrixSensingRates
{
    /// <summary>Steps of one timed run.</summary>
    public const int Steps = 5_000;

    /// <summary>The sweep's largest n, where a GD step costs most.</summary>
    public const int SweepSize = 40;

    public static IEnumerable<Measurement> Measure(TimeSpan minimum)
    {
        var plan = MatrixSensingExperiment.Plan(quick: false, seed: 1);
        var (truth, model, start) = MatrixSensingExperiment.Start(plan);
        var settings = new SgdSettings(plan.Sgd, plan.Run.Seed);
        var starts = Enumerable.Range(0, plan.Run.Chains).Select(_ => (double[])start.Theta.Clone()).ToArray();
        var (chainRate, chainCpuRate) = RunRate.Measure(minimum, (long)plan.Run.Chains * Steps, () => ChainEnsemble.Run(model, truth.Data,
            settings, starts, new ChainEnsembleOptions(Steps) { CleanGradient = false }));
        yield return new Measurement("matrix-sensing", "sim_chain_steps", Environment.ProcessorCount, chainRate)
        { Kernel = "per_chain", OpsPerCpuSecond = chainCpuRate };

        var sweep = MatrixSensingExperiment.Plan(quick: false, seed: 1, SweepSize);
        var problem = Theory.Settings.MatrixSensingProblem.Draw(MatrixSensingExperiment.Dimension, 1, SweepSize, 1);
        var initial = MatrixSensingExperiment.Initial(1, 0);
        var gd = new SgdSettings(new SgdProblem(1 / LargestCurvature.Of(model, problem.Data, initial), 0, SweepSize), 0);
        var (gdRate, gdCpuRate) = RunRate.Measure(minimum, Steps, () => ChainEnsemble.Run(model, problem.Data, gd, [initial],
            new ChainEnsembleOptions(Steps) { CleanGradient = false }));
        yield return new Measurement("matrix-sensing", "gd_steps", 1, gdRate) { OpsPerCpuSecond = gdCpuRate };
    }
}
