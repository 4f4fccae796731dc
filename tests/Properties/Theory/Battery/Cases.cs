using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>The named cases of the battery tests (fixed seeds, so CI is deterministic).</summary>
internal static class Cases
{
    public const ulong Seed = 1;

    private static readonly Lazy<IReadOnlyList<TheoryCase>> BuiltIn = new(() => TheoryBattery.BuiltInCases(Seed));

    /// <summary>The suite's named case: tanh MLP 2-[5]-1, n = 3, full batch, ηλ_max = 0.2, λ_max(S) = 1e-5.</summary>
    public static TheoryCase Tanh => BuiltIn.Value[0];

    /// <summary>softplus/GELU MLP, n = 4, minibatch B = 2, Rademacher noise.</summary>
    public static TheoryCase Minibatch => BuiltIn.Value[1];

    /// <summary>DAG with skip connections (sin, tanh), full batch.</summary>
    public static TheoryCase Dag => BuiltIn.Value[2];

    /// <summary>A 1-D tanh network whose slow flow converges to a strict local minimum of reg on M.</summary>
    public static TheoryCase Converging => TheoryCase.Interpolating("tanh 1-[3]-1 n=2", new Mlp(1, [3], [ActivationKind.Tanh]),
        [0.5, -0.8], [0.8, -0.5, 0.3, 0.2, -0.4, 0.6, 1.1, -0.7, 0.9, 0.1], 0.2, 1.0).WithOuScale(TheoryBattery.OuScale);
}
