using NoiseDrift.Engine.Activations;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// The ten activations φ written from their textbook definitions, independently of the engine's
/// <see cref="Activation"/> (docs/design.md "Models"; GELU in its tanh form, leaky slope 0.01).
/// </summary>
public static class ReferenceActivation
{
    public static double Value(ActivationKind kind, double z) => kind switch
    {
        ActivationKind.Identity => z,
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Logistic => 1 / (1 + Math.Exp(-z)),
        ActivationKind.Softplus => Math.Log(1 + Math.Exp(z)),
        ActivationKind.Silu => z / (1 + Math.Exp(-z)),
        ActivationKind.Gelu => 0.5 * z * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z))),
        ActivationKind.Sin => Math.Sin(z),
        ActivationKind.Relu => Math.Max(z, 0),
        ActivationKind.LeakyRelu => z > 0 ? z : 0.01 * z,
        ActivationKind.Square => z * z,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no reference"),
    };
}
