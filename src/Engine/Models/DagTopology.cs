using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Turns an edge list over neurons in any order into the topologically ordered neurons of a
/// <see cref="DagNetwork"/> (docs/theory.md §1, "any connectivity"), by Kahn's algorithm.
/// </summary>
internal static class DagTopology
{
    /// <summary>
    /// Sorts the neurons (smallest ready id first; the last given neuron is kept last as the output) and returns
    /// them with sources renumbered; <paramref name="order"/>[k] is the given id of the neuron at position k.
    /// </summary>
    public static DagNeuron[] Sort(int inputDimension, IReadOnlyList<ActivationKind> activations,
        IReadOnlyList<(int From, int To)> edges, out int[] order)
    {
        Guard.Positive(inputDimension, "inputDimension");
        if (activations is null || activations.Count == 0)
            throw new InvalidInputException("activations", $"must name at least one neuron, got {activations?.Count ?? 0}");
        if (edges is null) throw new InvalidInputException("edges", "is missing");
        int d = inputDimension, n = activations.Count, output = n - 1;
        for (int j = 0; j < n; j++)
        {
            if (!Enum.IsDefined(activations[j]))
                throw new InvalidInputException($"activations[{j}]", $"unknown activation value {(int)activations[j]}");
        }
        var sources = new List<int>[n];
        var consumers = new List<int>[n];
        for (int j = 0; j < n; j++) { sources[j] = []; consumers[j] = []; }
        for (int k = 0; k < edges.Count; k++)
        {
            var (from, to) = edges[k];
            if (to < d || to >= d + n)
                throw new InvalidInputException($"edges[{k}].To", $"node {to} is not a neuron; neurons are nodes {d}..{d + n - 1}");
            if (from < 0 || from >= d + n)
                throw new InvalidInputException($"edges[{k}].From", $"node {from} does not exist; nodes are 0..{d + n - 1}");
            if (from == to)
                throw new InvalidInputException($"edges[{k}]", $"node {to} feeds itself, which forms a cycle");
            if (from == d + output)
                throw new InvalidInputException($"edges[{k}].From",
                    $"node {from} is the output (the last neuron) and cannot feed node {to}");
            if (sources[to - d].Contains(from))
                throw new InvalidInputException($"edges[{k}]", $"duplicate edge {from} -> {to}");
            sources[to - d].Add(from);
            if (from >= d) consumers[from - d].Add(to - d);
        }
        for (int j = 0; j < n; j++)
        {
            if (sources[j].Count == 0)
                throw new InvalidInputException("edges", $"neuron {j} (node {d + j}) has no incoming edge");
        }

        var pending = new int[n];
        var ready = new PriorityQueue<int, int>();
        for (int j = 0; j < n; j++)
        {
            pending[j] = sources[j].Count(s => s >= d);
            if (pending[j] == 0 && j != output) ready.Enqueue(j, j);
        }
        order = new int[n];
        var placed = new bool[n];
        int count = 0;
        while (ready.TryDequeue(out int j, out _))
        {
            order[count++] = j;
            placed[j] = true;
            foreach (int c in consumers[j])
            {
                if (--pending[c] == 0 && c != output) ready.Enqueue(c, c);
            }
        }
        if (count < n - 1) throw Cycle(d, sources, placed, output);
        order[count] = output; // it feeds nothing, so once every other neuron is placed it is ready

        var position = new int[d + n];
        for (int i = 0; i < d; i++) position[i] = i;
        for (int k = 0; k < n; k++) position[d + order[k]] = d + k;
        var neurons = new DagNeuron[n];
        for (int k = 0; k < n; k++)
            neurons[k] = new DagNeuron(activations[order[k]], sources[order[k]].Select(s => position[s]).ToArray());
        return neurons;
    }

    /// <summary>Walks back through unplaced sources until a node repeats, and names the cycle it closes.</summary>
    private static InvalidInputException Cycle(int d, List<int>[] sources, bool[] placed, int output)
    {
        int Back(int j) => sources[j].First(s => s >= d && !placed[s - d]) - d;
        // Every unplaced neuron other than the output still waits on an unplaced neuron source (the output feeds
        // nothing), so walking back n steps from one lands on a cycle.
        int start = Enumerable.Range(0, placed.Length).First(j => j != output && !placed[j]);
        int on = start;
        for (int step = 0; step < sources.Length; step++) on = Back(on);
        var cycle = new List<int> { on };
        for (int j = Back(on); j != on; j = Back(j)) cycle.Add(j);
        cycle.Add(on);
        cycle.Reverse();
        string path = string.Join(" -> ", cycle.Select(j => d + j));
        return new InvalidInputException("edges", $"form a cycle through node {d + on} ({path})");
    }
}
