using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// A chain-ensemble run (docs/theory.md §1, §3): an MLP or DAG case, SGD settings (η, σ, batch, noise law, parameter-noise control),
/// starts around θ and the recording options (antithetic pairs, clean gradient, snapshots).
/// </summary>
public sealed record ChainRunCase(NetworkCase Case, SgdSettings Settings, double[][] Starts, ChainEnsembleOptions Options)
{
    public override string ToString() =>
        $"{Case}{Environment.NewLine}  {Settings} chains={Starts.Length} steps={Options.Steps} " +
        $"antithetic={Options.Antithetic} clean={Options.CleanGradient} snapshots=[{string.Join(",", Options.SnapshotSteps)}]";
}

/// <summary>
/// Runs for the chain-batched simulator: MLPs of depth 1..6 and width 1..20 with every activation, n in 1..20 (so the
/// GEMM row blocks of 8 and column blocks of 16 both occur), full batch and minibatch, both noise laws, with and without
/// antithetic pairs, the parameter-noise control and the clean gradient, 1..24 chains (partial blocks of eight).
/// </summary>
public static class ChainRunGen
{
    public static Gen<ChainRunCase> Any { get; } =
        from architecture in MlpGen.Architecture(ActivationGen.Any, maxDepth: 6, maxWidth: 20)
        from theta in NumberGen.Normal(architecture.ParameterScales())
        from data in DataGen.Inputs(architecture.Layout.Input, 1, 20)
        from run in For(new NetworkCase(architecture.Build(), theta, data))
        select run;

    /// <summary>Runs on DAG networks with skip connections over every activation (<see cref="DagGen"/>).</summary>
    public static Gen<ChainRunCase> Dag { get; } = DagGen.Network(ActivationGen.Any).SelectMany(DagGen.For).SelectMany(For);

    /// <summary>SGD settings, starts around the case's θ and recording options for one model and dataset.</summary>
    public static Gen<ChainRunCase> For(NetworkCase c) =>
        from batch in Gen.Choose(1, c.Data.Count)
        from law in Gen.Elements(NoiseLaw.Gaussian, NoiseLaw.Rademacher)
        from sigma in NumberGen.Uniform(0, 0.5)
        from tau in Gen.Elements(0.0, 1e-3)
        from antithetic in Gen.Elements(true, false)
        from groups in Gen.Choose(1, 12)
        from steps in Gen.Choose(1, 25)
        from clean in Gen.Elements(true, false)
        from seed in Gen.Choose(0, 1 << 20)
        let chains = antithetic ? 2 * groups : groups + groups / 2
        select new ChainRunCase(c,
            new SgdSettings(new SgdProblem(0.01, sigma, batch, law), (ulong)seed) { ParameterNoise = tau },
            Starts(c.Theta, chains, (ulong)seed),
            new ChainEnsembleOptions(steps)
            {
                Antithetic = antithetic,
                CleanGradient = clean,
                SnapshotSteps = steps > 1 ? [0, steps / 2, steps] : [0, 1],
            });

    private static double[][] Starts(double[] theta, int chains, ulong seed) =>
        [.. Enumerable.Range(0, chains).Select(c => theta.Select((t, j) => t + 0.01 * CounterRandom.Gaussian(seed, c, 0, j)).ToArray())];
}
