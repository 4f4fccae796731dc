using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Cli.Battery;

/// <summary>Random MLPs (depth 1–4, widths 2–9) and random DAGs (3–7 neurons) for the standard and deep tiers, drawn from the seed.</summary>
internal static class RandomArchitectures
{
    public static IEnumerable<Architecture> Draw(ulong seed, int count)
    {
        var rng = new Random(Gaussian.Derive(seed, -1));
        for (int c = 0; c < count; c++)
            yield return new Architecture(c % 3 == 2 ? Dag(rng) : Mlp(rng));
    }

    private static Mlp Mlp(Random rng)
    {
        int depth = rng.Next(1, 5);
        var hidden = new int[depth];
        var activations = new ActivationKind[depth];
        for (int l = 0; l < depth; l++)
        {
            hidden[l] = rng.Next(2, 10);
            activations[l] = Pick(rng);
        }
        return new Mlp(rng.Next(1, 6), hidden, activations, outputBias: rng.Next(2) == 0);
    }

    private static DagNetwork Dag(Random rng)
    {
        int inputs = rng.Next(1, 5), count = rng.Next(3, 8);
        var neurons = new DagNeuron[count];
        for (int j = 0; j < count; j++)
        {
            int node = inputs + j;
            var sources = Enumerable.Range(0, node).Where(_ => rng.NextDouble() < 0.5).ToList();
            if (sources.Count == 0) sources.Add(rng.Next(node));
            if (j == count - 1 && !sources.Contains(node - 1)) sources.Add(node - 1); // the output reads the last neuron
            neurons[j] = new DagNeuron(j == count - 1 ? ActivationKind.Identity : Pick(rng), sources);
        }
        return new DagNetwork(inputs, neurons);
    }

    /// <summary>Any activation but square, whose products explode in deep stacks.</summary>
    private static ActivationKind Pick(Random rng)
    {
        var kinds = Activation.All.Where(k => k != ActivationKind.Square).ToArray();
        return kinds[rng.Next(kinds.Length)];
    }
}
