using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using static NoiseDrift.Engine.Activations.ActivationKind;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// The built-in models of <c>noisedrift check</c>: MLPs of several depths covering every activation (ReLU included),
/// a DAG with skip connections, matrix sensing, the paper's two-layer settings (docs/theory.md §4) and the quadratic model
/// in both forms (docs/theory.md §7). The standard and deep
/// tiers add ten random MLPs and DAGs drawn from the seed (<see cref="RandomArchitectures"/>).
/// </summary>
internal static class Architectures
{
    /// <summary>The cases of a tier, with names; architectures are fixed, θ and data come from the seed.</summary>
    public static IReadOnlyList<Architecture> For(Tier tier, ulong seed)
    {
        var fixedSet = new List<Architecture>
        {
            new(new Mlp(3, [8], [Tanh])),
            new(new Mlp(3, [6, 5], [Relu, Tanh])),
            new(new Mlp(2, [5, 4, 3], [Softplus, Silu, Gelu])),
            new(new Mlp(4, [6, 6], [Sin, Logistic], outputBias: false)),
            new(new Mlp(3, [4, 4], [LeakyRelu, Square])),
            new(new Mlp(2, [4, 4, 4, 4], [Tanh, Identity, Gelu, Tanh])),
            new(SkipDag(), "dag skip 3-in 4-neurons"),
            new(new MatrixSensing(3, 2)),
            new(Mlp.Relu1D(5), "relu1d m=5"),
            new(Mlp.TwoLayerSigmoid(3, 4), "sigmoid2 3-in m=4", Rows: 1), // docs/theory.md §4.3: one point
            new(new QuadraticLinear(5)), // docs/theory.md §7
            new(new QuadraticLinear(4, difference: true)),
        };
        return tier switch
        {
            Tier.Quick => [fixedSet[0], fixedSet[1], fixedSet[6], fixedSet[7], fixedSet[8], fixedSet[9], fixedSet[11]],
            _ => [.. fixedSet, .. RandomArchitectures.Draw(seed, count: 10)],
        };
    }

    /// <summary>Rows of data per case.</summary>
    public static int Rows(Tier tier, Architecture architecture) =>
        architecture.Rows ?? tier switch { Tier.Quick => 3, Tier.Deep => 8, _ => 5 };

    /// <summary>
    /// Inputs 0..2, then tanh(0,1,2), silu(0,3), softplus(1,3,4) and an identity output fed by input 0 and every
    /// neuron: three edges skip a layer.
    /// </summary>
    private static DagNetwork SkipDag() => new(3,
    [
        new DagNeuron(Tanh, [0, 1, 2]),
        new DagNeuron(Silu, [0, 3]),
        new DagNeuron(Softplus, [1, 3, 4]),
        new DagNeuron(ActivationKind.Identity, [0, 3, 4, 5]),
    ]);
}
