using NoiseDrift.Engine.Activations;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// One neuron of a <see cref="DagNetwork"/> (docs/theory.md §1, "any connectivity"): its value is
/// <c>φ(Σ_s w_s a_s + b)</c> over the node indices in <paramref name="Sources"/> (inputs 0..d−1, then neurons).
/// The order of <paramref name="Sources"/> is the order of this neuron's weights in θ.
/// </summary>
/// <param name="Activation">The activation φ of this neuron.</param>
/// <param name="Sources">The node indices feeding this neuron; each must be earlier than the neuron itself.</param>
public sealed record DagNeuron(ActivationKind Activation, IReadOnlyList<int> Sources);
