using System.Text.Json.Nodes;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Conformance.Cases;

/// <summary>
/// A model of a conformance case (CONFORMANCE.md §1): its <c>kind</c>, the spec file's <c>model</c> object that outside
/// implementations receive, and the engine model the suite computes with. θ order is the engine's (THEORY.md §1,
/// README "spec file").
/// </summary>
/// <param name="Kind">The spec kind: <c>mlp</c>, <c>dag</c>, <c>matrix_sensing</c>, <c>relu1d</c>, <c>sigmoid2</c>, <c>quadratic</c> or
/// <c>quadratic_signed</c>.</param>
/// <param name="Spec">The spec <c>model</c> object, exactly as a spec file holds it.</param>
/// <param name="Engine">The engine's model for the same h.</param>
public sealed record ConformanceModel(string Kind, JsonObject Spec, Model Engine)
{
    /// <summary>The spec <c>model</c> object as compact JSON.</summary>
    public string SpecJson => Spec.ToJsonString();

    /// <summary>An MLP with one activation per hidden layer and an output bias (<c>mlp</c>).</summary>
    public static ConformanceModel Mlp(int input, int[] hidden, ActivationKind[] activations)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(activations);
        var spec = new JsonObject
        {
            ["kind"] = "mlp",
            ["input"] = input,
            ["hidden"] = new JsonArray(hidden.Select(h => (JsonNode)h).ToArray()),
            ["activations"] = new JsonArray(activations.Select(a => (JsonNode)Activation.NameOf(a)).ToArray()),
        };
        return new("mlp", spec, new Mlp(input, hidden, activations));
    }

    /// <summary>A DAG network; neuron j lists its activation and source nodes (<c>dag</c>).</summary>
    public static ConformanceModel Dag(int input, DagNeuron[] neurons)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        var list = new JsonArray(neurons.Select(n => (JsonNode)new JsonObject
        {
            ["activation"] = Activation.NameOf(n.Activation),
            ["sources"] = new JsonArray(n.Sources.Select(s => (JsonNode)s).ToArray()),
        }).ToArray());
        return new("dag", new JsonObject { ["kind"] = "dag", ["input"] = input, ["neurons"] = list },
            new DagNetwork(input, neurons));
    }

    /// <summary>Matrix sensing <c>h(A; U) = ⟨A, UUᵀ⟩</c>, U of size d × k (THEORY.md §4.1).</summary>
    public static ConformanceModel MatrixSensing(int d, int k) =>
        new("matrix_sensing", new JsonObject { ["kind"] = "matrix_sensing", ["d"] = d, ["k"] = k },
            new MatrixSensing(d, k));

    /// <summary>
    /// The quadratic model <c>⟨θ⊙θ, x⟩</c> (<c>quadratic</c>), or <c>⟨u⊙u − v⊙v, x⟩</c> with θ = (u, v)
    /// (<c>quadratic_signed</c>), on d features (docs/theory.md §7).
    /// </summary>
    public static ConformanceModel Quadratic(int d, bool difference)
    {
        var engine = new QuadraticLinear(d, difference);
        return new(engine.Kind, new JsonObject { ["kind"] = engine.Kind, ["d"] = d }, engine);
    }

    /// <summary>The two-layer 1-D ReLU network of THEORY.md §4.2.</summary>
    public static ConformanceModel Relu1D(int width) =>
        new("relu1d", new JsonObject { ["kind"] = "relu1d", ["width"] = width }, global::NoiseDrift.Engine.Models.Mlp.Relu1D(width));

    /// <summary>The two-layer sigmoid network without output bias of THEORY.md §4.3.</summary>
    public static ConformanceModel Sigmoid2(int input, int width) =>
        new("sigmoid2", new JsonObject { ["kind"] = "sigmoid2", ["input"] = input, ["width"] = width },
            global::NoiseDrift.Engine.Models.Mlp.TwoLayerSigmoid(input, width));
}
