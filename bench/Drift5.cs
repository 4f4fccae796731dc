using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Bench;

/// <summary>
/// The <c>drift5</c> workload (docs/design.md "Benchmarks"): the Rao–Blackwell drift check on a small MLP, in 3, [6] tanh,
/// n = 5, full batch, 4000 chains (2000 antithetic pairs), 2000 steps (docs/theory.md §3). θ is a seeded
/// <c>N(0, 1/fan_in)</c> draw made a point of M by taking its own outputs as labels; <c>η λ_max = 0.2</c>, σ = 0.1;
/// the pairs start at <c>θ ± u_j</c> with small keyed offsets.
/// </summary>
public sealed class Drift5
{
    public const int Chains = 4000;
    public const int Steps = 2000;
    private const ulong Seed = 5;

    public Drift5()
    {
        Model = new Mlp(3, [6], [ActivationKind.Tanh]);
        int p = Model.ParameterCount, n = 5;
        Theta = new double[p];
        for (int j = 0; j < p; j++)
            Theta[j] = CounterRandom.Gaussian(Seed, 0, 0, j) / Math.Sqrt(j < Model.OutputOffset ? 3 : 6);
        var x = new double[n * 3];
        for (int t = 0; t < x.Length; t++) x[t] = CounterRandom.Gaussian(Seed, 1, 0, t);
        var y = new double[n];
        Model.Forward(Theta, x, y, Model.CreateWorkspace(n));
        Data = new Dataset(x, y, 3);
        double eta = 0.2 / LargestCurvature.Of(Model, Data, Theta);
        Settings = new SgdSettings(new SgdProblem(eta, 0.1, n), Seed);
        var offsets = Enumerable.Range(0, Chains / 2)
            .Select(j => Enumerable.Range(0, p).Select(t => 1e-3 * CounterRandom.Gaussian(Seed, 2 + j, 0, t)).ToArray())
            .ToArray();
        Starts = ChainEnsemble.AntitheticStarts(Theta, offsets);
    }

    public Mlp Model { get; }

    public double[] Theta { get; }

    public Dataset Data { get; }

    public SgdSettings Settings { get; }

    /// <summary>The 4000 starts, antithetic pairs.</summary>
    public double[][] Starts { get; }

    /// <summary>Runs the check with <paramref name="kernel"/> for <paramref name="steps"/> steps on all cores.</summary>
    public ChainEnsembleResult Run(ChainKernel kernel, int steps = Steps, int threads = -1) =>
        ChainEnsemble.Run(Model, Data, Settings, Starts, new ChainEnsembleOptions(steps)
        {
            Antithetic = true,
            CleanGradient = true,
            Kernel = kernel,
            MaxDegreeOfParallelism = threads,
        });
}
