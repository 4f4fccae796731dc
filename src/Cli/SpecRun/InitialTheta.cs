using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// The start θ₀ from which a spec without <c>theta</c> is trained onto the zero-loss manifold M (docs/theory.md §1):
/// every parameter <c>~ N(0, 1/fan_in)</c>, drawn from <c>sgd.seed</c> on a stream of its own, so the SGD noise drawn
/// from the same seed stays independent of it.
/// </summary>
internal static class InitialTheta
{
    /// <summary>Draw <paramref name="attempt"/> of θ₀, entry k from <c>N(0, 1/fan_in(k))</c>.</summary>
    public static double[] Draw(Model model, ulong seed, int attempt = 0)
    {
        var key = CounterRandom.Key(RandomStreams.SpecInitialisation(seed), attempt, 0);
        int[] fanIn = FanIn(model);
        return Enumerable.Range(0, fanIn.Length).Select(k => key.Gaussian(k) / Math.Sqrt(fanIn[k])).ToArray();
    }

    /// <summary>
    /// The fan-in of the unit each parameter feeds: for an MLP the width of the layer below (weights and bias alike);
    /// for a DAG the neuron's number of sources; for matrix sensing d (<c>h = ⟨A, UUᵀ⟩</c> sums d terms per row of U).
    /// </summary>
    public static int[] FanIn(Model model) => model switch
    {
        Mlp mlp => MlpFanIn(mlp),
        DagNetwork dag => [.. dag.Neurons.SelectMany(n => Enumerable.Repeat(n.Sources.Count, n.Sources.Count + 1))],
        MatrixSensing ms => [.. Enumerable.Repeat(ms.Size, ms.ParameterCount)],
        _ => [.. Enumerable.Repeat(model.InputDimension, model.ParameterCount)],
    };

    private static int[] MlpFanIn(Mlp mlp)
    {
        var fanIn = new int[mlp.ParameterCount];
        int below = mlp.InputDimension;
        for (int l = 0; l < mlp.Depth; l++)
        {
            int end = l + 1 < mlp.Depth ? mlp.WeightOffset(l + 1) : mlp.OutputOffset;
            Array.Fill(fanIn, below, mlp.WeightOffset(l), end - mlp.WeightOffset(l));
            below = mlp.Hidden[l];
        }
        Array.Fill(fanIn, below, mlp.OutputOffset, mlp.ParameterCount - mlp.OutputOffset);
        return fanIn;
    }
}
