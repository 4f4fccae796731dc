using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Generators;

/// <summary>An MLP shape (docs/design.md "Models"): layout (input, widths, output bias) and one activation per layer.</summary>
public sealed record MlpArchitecture(MlpLayout Layout, ActivationKind[] Activations)
{
    public Mlp Build() => new(Layout.Input, Layout.Hidden, Activations, Layout.OutputBias);

    /// <summary>Standard deviations <c>1/√fan_in</c> per parameter: <c>θ ~ N(0, 1/fan_in)</c>.</summary>
    public IEnumerable<double> ParameterScales()
    {
        for (int l = 0; l < Layout.Hidden.Length; l++)
        {
            double s = 1 / Math.Sqrt(Layout.Width(l - 1));
            for (int k = 0; k < Layout.Hidden[l] * (Layout.Width(l - 1) + 1); k++) yield return s;
        }
        double output = 1 / Math.Sqrt(Layout.Hidden[^1]);
        for (int k = Layout.Output; k < Layout.Count; k++) yield return output;
    }

    /// <summary>The architecture of a generated model, recovered for shrinking.</summary>
    public static MlpArchitecture Of(Mlp mlp) =>
        new(new MlpLayout(mlp.InputDimension, mlp.Hidden.ToArray(), mlp.OutputBias), mlp.Activations.ToArray());
}
