using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// MLP cases (docs/design.md "Models"): 1..6 hidden layers of width 1..8, input dimension 1..3, per-layer activations,
/// with or without output bias; θ ~ N(0, 1/fan_in); data from <see cref="DataGen"/>. Cases with kinked layers are
/// kept only when every kinked pre-activation is at least <see cref="KinkMargin"/> from its kink, so that the
/// finite-difference references (steps ≤ 1e-5) never straddle one.
/// </summary>
public static class MlpGen
{
    /// <summary>Minimum |z| for ReLU and leaky ReLU units.</summary>
    public const double KinkMargin = 1e-3;

    public static Gen<MlpArchitecture> Architecture(Gen<ActivationKind> activation, int maxDepth = 6, int maxWidth = 8) =>
        from input in Gen.Choose(1, 3)
        from depth in Gen.Choose(1, maxDepth)
        from widths in Gen.ArrayOf(Gen.Choose(1, maxWidth), depth)
        from kinds in Gen.ArrayOf(activation, depth)
        from bias in Gen.Elements(true, false)
        select new MlpArchitecture(new MlpLayout(input, widths, bias), kinds);

    /// <summary>A case for an architecture: θ at fan-in scale and a data set of matching dimension.</summary>
    public static Gen<NetworkCase> For(MlpArchitecture architecture) =>
        from theta in NumberGen.Normal(architecture.ParameterScales())
        from data in DataGen.Inputs(architecture.Layout.Input)
        select new NetworkCase(architecture.Build(), theta, data);

    /// <summary>Cases over all ten activations, away from kinks.</summary>
    public static Gen<NetworkCase> Any { get; } =
        Architecture(ActivationGen.Any).SelectMany(For).Where("mlp away from kinks", AwayFromKinks);

    /// <summary>Cases with smooth activations only, for second-derivative checks.</summary>
    public static Gen<NetworkCase> Smooth { get; } = Architecture(ActivationGen.Smooth).SelectMany(For);

    /// <summary>True when no kinked pre-activation of any example is within <see cref="KinkMargin"/> of 0.</summary>
    public static bool AwayFromKinks(NetworkCase c)
    {
        var arch = MlpArchitecture.Of((Mlp)c.Model);
        if (arch.Activations.All(Activation.IsSmooth)) return true;
        for (int i = 0; i < c.Data.Count; i++)
            if (ReferenceMlp.Forward(arch.Layout, arch.Activations, c.Theta, c.Data.Row(i)).KinkMargin < KinkMargin)
                return false;
        return true;
    }
}
