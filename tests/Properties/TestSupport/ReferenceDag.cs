using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A naive DAG forward pass from the definition (docs/theory.md §1, "any connectivity"): node <c>d+j</c> is
/// <c>φ_j(Σ_s w_js · node_s + b_j)</c> with weights in Sources order then the bias; the last neuron is h.
/// </summary>
public static class ReferenceDag
{
    /// <summary><c>h(x; θ)</c> and <c>min |z|</c> over kinked neurons (∞ when there are none).</summary>
    public static (double Value, double KinkMargin) Forward(int inputDimension, IReadOnlyList<DagNeuron> neurons,
        IReadOnlyList<double> theta, ReadOnlySpan<double> x)
    {
        var node = new double[inputDimension + neurons.Count];
        x.CopyTo(node);
        double margin = double.PositiveInfinity;
        int k = 0;
        for (int j = 0; j < neurons.Count; j++)
        {
            double z = 0;
            foreach (int s in neurons[j].Sources) z += theta[k++] * node[s];
            z += theta[k++];
            if (!Activation.IsSmooth(neurons[j].Activation)) margin = Math.Min(margin, Math.Abs(z));
            node[inputDimension + j] = ReferenceActivation.Value(neurons[j].Activation, z);
        }
        return (node[^1], margin);
    }
}
