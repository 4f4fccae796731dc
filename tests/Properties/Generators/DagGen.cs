using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// Random DAG networks with skip connections (docs/theory.md §1: any connectivity). Input dimension 1..3, 2..8 neurons.
/// Neuron j draws its sources among the earlier nodes: always its predecessor (a backbone chain from input 0), plus
/// up to three random earlier nodes; the output neuron always also reads input 0, a skip edge across the whole
/// chain. Sources are shuffled, so θ order differs from node order. θ ~ N(0, 1/fan_in).
/// </summary>
public static class DagGen
{
    public static Gen<DagNeuron> Neuron(int inputDimension, int index, int count, Gen<ActivationKind> activation)
    {
        int earlier = inputDimension + index;
        int predecessor = index == 0 ? 0 : earlier - 1;
        return from kind in activation
               from extra in Gen.SubListOf(Enumerable.Range(0, earlier).Where(s => s != predecessor))
               from shuffled in Gen.Shuffle(extra.Take(3).Append(predecessor)
                   .Concat(index == count - 1 && predecessor != 0 ? [0] : []).Distinct())
               select new DagNeuron(kind, shuffled);
    }

    public static Gen<DagNetwork> Network(Gen<ActivationKind> activation) =>
        from d in Gen.Choose(1, 3)
        from count in Gen.Choose(2, 8)
        from neurons in Gen.CollectToArray(Enumerable.Range(0, count), j => Neuron(d, j, count, activation))
        select new DagNetwork(d, neurons);

    public static Gen<NetworkCase> For(DagNetwork network) =>
        from theta in NumberGen.Normal(network.Neurons.SelectMany(n =>
            Enumerable.Repeat(1 / Math.Sqrt(n.Sources.Count), n.Sources.Count + 1)))
        from data in DataGen.Inputs(network.InputDimension)
        select new NetworkCase(network, theta, data);

    /// <summary>DAG cases over all ten activations, away from kinks.</summary>
    public static Gen<NetworkCase> Any { get; } = Network(ActivationGen.Any).SelectMany(For).Where("dag away from kinks", AwayFromKinks);

    /// <summary>DAG cases with smooth activations only.</summary>
    public static Gen<NetworkCase> Smooth { get; } = Network(ActivationGen.Smooth).SelectMany(For);

    /// <summary>True when every kinked pre-activation is at least <see cref="MlpGen.KinkMargin"/> from 0.</summary>
    public static bool AwayFromKinks(NetworkCase c)
    {
        var dag = (DagNetwork)c.Model;
        for (int i = 0; i < c.Data.Count; i++)
            if (ReferenceDag.Forward(dag.InputDimension, dag.Neurons, c.Theta, c.Data.Row(i)).KinkMargin < MlpGen.KinkMargin)
                return false;
        return true;
    }
}
