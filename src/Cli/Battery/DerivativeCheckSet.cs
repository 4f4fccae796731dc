using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// The theory library's derivative checks (<see cref="Theory.Checks.DerivativeBattery"/>): gradient, loss gradient,
/// <c>reg</c> by brute force and by finite differences, and for smooth models also HVP, HVP symmetry and <c>∇reg</c>.
/// </summary>
public sealed class DerivativeCheckSet : IDerivativeCheckSet
{
    /// <summary>The check set of <c>noisedrift check</c>.</summary>
    public static DerivativeCheckSet Default { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<CheckResult> Run(Specimen specimen)
    {
        var (model, theta, data) = (specimen.Model, specimen.Theta, specimen.Data);
        string name = $"{specimen.Name} n={data.Count}";
        var results = Theory.Checks.DerivativeBattery.Run(model, theta, data, seed: data.Count, smooth: IsSmooth(model));
        return [.. results.Select(r => r with { Case = name })];
    }

    /// <summary>False when any activation has a kink (ReLU, leaky ReLU): second-derivative checks are then skipped.</summary>
    public static bool IsSmooth(Model model) => model switch
    {
        Mlp mlp => mlp.Activations.All(Activation.IsSmooth),
        DagNetwork dag => dag.Neurons.All(n => Activation.IsSmooth(n.Activation)),
        _ => true,
    };
}
