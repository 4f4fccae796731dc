using NoiseDrift.Engine.Activations;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A naive MLP forward pass written from the definition (docs/theory.md §1, docs/design.md): an independent reference for
/// <c>h(x; θ)</c>, and the distance of the nearest pre-activation of a kinked layer from its kink.
/// </summary>
public static class ReferenceMlp
{
    /// <summary><c>h(x; θ)</c>, and <c>min |z|</c> over units of ReLU / leaky ReLU layers (∞ when there are none).</summary>
    public static (double Value, double KinkMargin) Forward(MlpLayout layout, IReadOnlyList<ActivationKind> activations,
        IReadOnlyList<double> theta, ReadOnlySpan<double> x)
    {
        double[] a = x.ToArray();
        double margin = double.PositiveInfinity;
        for (int l = 0; l < layout.Hidden.Length; l++)
        {
            var next = new double[layout.Hidden[l]];
            for (int i = 0; i < next.Length; i++)
            {
                double z = theta[layout.Biases(l) + i];
                for (int j = 0; j < a.Length; j++) z += theta[layout.Weights(l) + i * a.Length + j] * a[j];
                if (!Activation.IsSmooth(activations[l])) margin = Math.Min(margin, Math.Abs(z));
                next[i] = ReferenceActivation.Value(activations[l], z);
            }
            a = next;
        }
        double h = layout.OutputBias ? theta[layout.Count - 1] : 0;
        for (int i = 0; i < a.Length; i++) h += theta[layout.Output + i] * a[i];
        return (h, margin);
    }
}
