using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// One of the dynamics HaoChen et al. compare on the quadratic model (docs/theory.md §7), in the suite's conventions
/// (docs/theory.md §1). Their loss is <c>¼(f − y)²</c> per example with step γ; the suite's is <c>½(f − y)²</c> with
/// step η, so <c>η = γ/2</c>. Label noise: one example per step (B = 1) with its label perturbed by <c>±δ</c>
/// (Rademacher, σ = δ). GD: full batch, σ = 0. Gaussian gradient noise <c>θ ← θ − γ(∇L + σ_g ξ)</c>: full batch,
/// σ = 0, parameter noise <c>τ = γ σ_g</c>.
/// </summary>
/// <param name="Name">E.g. <c>label noise</c>.</param>
/// <param name="Batch">B, or 0 for the full batch.</param>
/// <param name="LabelNoise">δ (σ of the labels).</param>
/// <param name="GradientNoise">σ_g of the Gaussian gradient noise.</param>
public sealed record SparseDynamics(string Name, int Batch, double LabelNoise, double GradientNoise)
{
    /// <summary>Label-noise SGD with one example per step and label noise ±δ.</summary>
    public static SparseDynamics LabelNoiseSgd(double delta) => new("label noise", 1, delta, 0);

    /// <summary>Plain full-batch GD.</summary>
    public static SparseDynamics Gd { get; } = new("GD", 0, 0, 0);

    /// <summary>Full-batch GD with Gaussian gradient noise σ_g.</summary>
    public static SparseDynamics GaussianGradient(double sigma) => new($"Gaussian σ={sigma:G2}", 0, 0, sigma);

    /// <summary>
    /// Runs <paramref name="chains"/> chains from <paramref name="start"/> through the phases of their step schedule
    /// (<paramref name="gammas"/>, <paramref name="phaseSteps"/> steps each), reading θ every
    /// <paramref name="readEvery"/> steps. Returns the read steps (global) and the snapshots <c>[read][chain]</c>.
    /// </summary>
    public (int[] Steps, double[][][] Snapshots) Run(Model model, Dataset data, double[] start, IReadOnlyList<double> gammas,
        int phaseSteps, int readEvery, int chains, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(gammas);
        var states = Enumerable.Range(0, chains).Select(_ => (double[])start.Clone()).ToArray();
        var steps = new List<int> { 0 };
        var snapshots = new List<double[][]> { states.Select(s => (double[])s.Clone()).ToArray() };
        int[] reads = [.. Enumerable.Range(1, phaseSteps / readEvery).Select(k => k * readEvery)];
        for (int phase = 0; phase < gammas.Count; phase++)
        {
            double gamma = gammas[phase];
            var problem = new SgdProblem(gamma / 2, LabelNoise, Batch == 0 ? data.Count : Batch, NoiseLaw.Rademacher);
            var settings = new SgdSettings(problem, CounterRandom.DeriveSeed(seed, (ulong)phase)) { ParameterNoise = gamma * GradientNoise };
            var result = ChainEnsemble.Run(model, data, settings, states,
                new ChainEnsembleOptions(phaseSteps) { CleanGradient = false, SnapshotSteps = reads });
            for (int r = 0; r < reads.Length; r++)
            {
                steps.Add(phase * phaseSteps + reads[r]);
                snapshots.Add(result.Snapshots[r]);
            }
            states = result.FinalStates;
        }
        return ([.. steps], [.. snapshots]);
    }
}
