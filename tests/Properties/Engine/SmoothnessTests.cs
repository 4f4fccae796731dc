using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <see cref="Model.IsSmooth"/> (docs/theory.md §1): a model is smooth unless one of its activations has a kink (ReLU,
/// leaky ReLU); the derivative battery skips its second-derivative checks otherwise.
/// </summary>
public class SmoothnessTests
{
    [Fact]
    public void Mlp_is_smooth_unless_a_layer_has_a_kink()
    {
        Assert.True(new Mlp(2, [3, 3], [ActivationKind.Tanh, ActivationKind.Gelu]).IsSmooth);
        Assert.False(new Mlp(2, [3, 3], [ActivationKind.Tanh, ActivationKind.Relu]).IsSmooth);
        Assert.False(Mlp.Relu1D(2).IsSmooth);
    }

    [Fact]
    public void Dag_is_smooth_unless_a_neuron_has_a_kink()
    {
        Assert.True(new DagNetwork(1, [new DagNeuron(ActivationKind.Sin, [0]), new DagNeuron(ActivationKind.Identity, [0, 1])]).IsSmooth);
        Assert.False(new DagNetwork(1, [new DagNeuron(ActivationKind.LeakyRelu, [0]), new DagNeuron(ActivationKind.Identity, [0, 1])]).IsSmooth);
    }

    [Fact]
    public void Matrix_sensing_is_smooth() => Assert.True(new MatrixSensing(2, 2).IsSmooth);
}
