namespace NoiseDrift.Engine.Activations;

/// <summary>The activations of docs/design.md ("Models"). Each has exact first and second derivatives.</summary>
public enum ActivationKind
{
    Identity,
    Tanh,
    Logistic,
    Softplus,
    Silu,
    /// <summary>GELU in its tanh form, <c>½x(1 + tanh(√(2/π)(x + 0.044715x³)))</c>; derivatives are exact for this form.</summary>
    Gelu,
    Sin,
    /// <summary>ReLU; at exactly 0 the first derivative is taken as 0 (docs/design.md).</summary>
    Relu,
    /// <summary>Leaky ReLU with slope 0.01 for negative inputs; derivative at 0 is 0.01, like ReLU's left branch.</summary>
    LeakyRelu,
    Square,
}
