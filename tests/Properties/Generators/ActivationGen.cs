using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;

namespace NoiseDrift.Properties.Generators;

/// <summary>Activation choices (docs/design.md "Models"): all ten, or the smooth ones for second-derivative checks.</summary>
public static class ActivationGen
{
    /// <summary>The kinked activations, whose finite-difference references need a margin from the kink.</summary>
    public static bool IsKinked(ActivationKind kind) => !Activation.IsSmooth(kind);

    /// <summary>Any of the ten activations, uniformly.</summary>
    public static Gen<ActivationKind> Any { get; } = Gen.Elements(Activation.All.ToArray());

    /// <summary>Any activation with a continuous second derivative.</summary>
    public static Gen<ActivationKind> Smooth { get; } =
        Gen.Elements(Activation.All.Where(Activation.IsSmooth).ToArray());
}
