using System.Text.Json;
using System.Text.Json.Nodes;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Conformance.Cases;

/// <summary>
/// A model of a conformance case (docs/conformance.md §1): its <c>kind</c> and the engine model the suite computes with;
/// outside implementations receive the spec file's <c>model</c> object, written by the one codec
/// (<see cref="ModelJson"/>). θ order is the engine's (docs/theory.md §1, docs/cli.md "Spec files").
/// </summary>
/// <param name="Kind">The spec kind: <c>mlp</c>, <c>dag</c>, <c>matrix_sensing</c>, <c>relu1d</c>, <c>sigmoid2</c>, <c>quadratic</c> or
/// <c>quadratic_signed</c>.</param>
/// <param name="Engine">The engine's model for the same h.</param>
public sealed record ConformanceModel(string Kind, Model Engine)
{
    /// <summary>The spec <c>model</c> object as compact JSON.</summary>
    public string SpecJson => ModelJson.Text(Kind, Engine);

    /// <summary>The spec <c>model</c> object, exactly as a spec file holds it.</summary>
    public JsonObject Spec => JsonNode.Parse(SpecJson)!.AsObject();

    /// <summary>Writes the spec <c>model</c> object.</summary>
    public void Write(Utf8JsonWriter json) => ModelJson.Write(json, Kind, Engine);

    /// <summary>An MLP with one activation per hidden layer and an output bias (<c>mlp</c>).</summary>
    public static ConformanceModel Mlp(int input, int[] hidden, ActivationKind[] activations) =>
        new("mlp", new Mlp(input, hidden, activations));

    /// <summary>A DAG network; neuron j lists its activation and source nodes (<c>dag</c>).</summary>
    public static ConformanceModel Dag(int input, DagNeuron[] neurons) => new("dag", new DagNetwork(input, neurons));

    /// <summary>Matrix sensing <c>h(A; U) = ⟨A, UUᵀ⟩</c>, U of size d × k (docs/theory.md §4.1).</summary>
    public static ConformanceModel MatrixSensing(int d, int k) => new("matrix_sensing", new MatrixSensing(d, k));

    /// <summary>
    /// The quadratic model <c>⟨θ⊙θ, x⟩</c> (<c>quadratic</c>), or <c>⟨u⊙u − v⊙v, x⟩</c> with θ = (u, v)
    /// (<c>quadratic_signed</c>), on d features (docs/theory.md §7).
    /// </summary>
    public static ConformanceModel Quadratic(int d, bool difference)
    {
        var engine = new QuadraticLinear(d, difference);
        return new(engine.Kind, engine);
    }

    /// <summary>The two-layer 1-D ReLU network of docs/theory.md §4.2.</summary>
    public static ConformanceModel Relu1D(int width) =>
        new("relu1d", global::NoiseDrift.Engine.Models.Mlp.Relu1D(width));

    /// <summary>The two-layer sigmoid network without output bias of docs/theory.md §4.3.</summary>
    public static ConformanceModel Sigmoid2(int input, int width) =>
        new("sigmoid2", global::NoiseDrift.Engine.Models.Mlp.TwoLayerSigmoid(input, width));
}
