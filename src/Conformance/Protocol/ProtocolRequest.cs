using System.Text.Json;
using System.Text.Json.Nodes;
using NoiseDrift.Conformance.Cases;
using NoiseDrift.Engine.Json;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// One request of docs/conformance.md §2: an integer <c>id</c>, an <c>op</c> and its fields. <see cref="Input"/> carries the
/// same fields typed, for in-process implementations.
/// </summary>
/// <param name="Id">The request id, echoed by the response.</param>
/// <param name="Op">The op, e.g. <c>grad_reg</c>.</param>
/// <param name="Input">The typed fields (null for <c>hello</c> and <c>bye</c>).</param>
public sealed record ProtocolRequest(int Id, string Op, OpInput? Input)
{
    /// <summary>
    /// Fields written as they are, for requests on a model the implementation owns (model kind <c>own</c>,
    /// docs/conformance.md), which carry no spec model and no inputs.
    /// </summary>
    public JsonObject? Fields { get; init; }

    /// <summary>The request as one JSON line (without newline), with the field names of docs/conformance.md §2.</summary>
    public string Line => JsonLine.Of(Members);

    private void Members(Utf8JsonWriter json)
    {
        json.WriteNumber("id", Id);
        json.WriteString("op", Op);
        if (Op == "hello") json.WriteNumber("protocol", 1);
        if (Fields is not null)
            foreach (var (name, value) in Fields)
            {
                json.WritePropertyName(name);
                if (value is null) json.WriteNullValue();
                else value.WriteTo(json);
            }
        if (Input is null) return;
        var i = Input;
        json.WritePropertyName("model");
        i.Model.Write(json);
        JsonLine.Numbers(json, "theta", i.Theta);
        json.WritePropertyName("x");
        JsonLine.Rows(json, i.X);
        switch (Op)
        {
            case "hvp":
                JsonLine.Numbers(json, "v", i.V!);
                break;
            case "sgd_step":
                JsonLine.Numbers(json, "y", i.Y!);
                JsonLine.Number(json, "eta", i.Eta);
                json.WriteStartArray("batch");
                foreach (int b in i.BatchIndices!) json.WriteNumberValue(b);
                json.WriteEndArray();
                JsonLine.Numbers(json, "noise", i.Noise!);
                break;
            case "run":
                JsonLine.Numbers(json, "y", i.Y!);
                JsonLine.Number(json, "eta", i.Eta);
                JsonLine.Number(json, "sigma", i.Sigma);
                json.WriteNumber("batch", i.BatchSize);
                json.WriteString("law", "gaussian");
                json.WriteNumber("steps", i.Steps);
                json.WriteNumber("chains", i.Chains);
                json.WriteNumber("seed", i.Seed);
                break;
        }
    }
}

/// <summary>
/// The typed fields of a request (docs/conformance.md §2); which are set depends on the op.
/// </summary>
/// <param name="Model">The model (spec object and kind).</param>
/// <param name="Theta">θ (p).</param>
/// <param name="X">Inputs, one row per example.</param>
public sealed record OpInput(ConformanceModel Model, double[] Theta, double[][] X)
{
    /// <summary>Labels (n), for <c>sgd_step</c> and <c>run</c>.</summary>
    public double[]? Y { get; init; }

    /// <summary>The HVP direction (p), for <c>hvp</c>.</summary>
    public double[]? V { get; init; }

    /// <summary>η, for <c>sgd_step</c> and <c>run</c>.</summary>
    public double Eta { get; init; }

    /// <summary>σ, for <c>run</c>.</summary>
    public double Sigma { get; init; }

    /// <summary>Batch indices, for <c>sgd_step</c>.</summary>
    public int[]? BatchIndices { get; init; }

    /// <summary>Noise values, one per batch index, for <c>sgd_step</c>.</summary>
    public double[]? Noise { get; init; }

    /// <summary>B, for <c>run</c>.</summary>
    public int BatchSize { get; init; }

    /// <summary>K, for <c>run</c>.</summary>
    public int Steps { get; init; }

    /// <summary>The number of chains, for <c>run</c>.</summary>
    public int Chains { get; init; }

    /// <summary>The seed of the program's own generator, for <c>run</c>.</summary>
    public long Seed { get; init; }
}
