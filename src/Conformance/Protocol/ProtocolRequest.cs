using System.Text.Json.Nodes;
using NoiseDrift.Conformance.Cases;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// One request of CONFORMANCE.md §2: an integer <c>id</c>, an <c>op</c> and its fields. <see cref="Input"/> carries the
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

    /// <summary>The JSON line (without newline).</summary>
    public string Line => Json().ToJsonString();

    /// <summary>The request as a JSON object with the field names of CONFORMANCE.md §2.</summary>
    public JsonObject Json()
    {
        var json = new JsonObject { ["id"] = Id, ["op"] = Op };
        if (Op == "hello") json["protocol"] = 1;
        if (Fields is not null)
            foreach (var (name, value) in Fields) json[name] = value?.DeepClone();
        if (Input is null) return json;
        var i = Input;
        json["model"] = JsonNode.Parse(i.Model.SpecJson);
        json["theta"] = Array(i.Theta);
        json["x"] = new JsonArray(i.X.Select(row => (JsonNode)Array(row)).ToArray());
        switch (Op)
        {
            case "hvp":
                json["v"] = Array(i.V!);
                break;
            case "sgd_step":
                json["y"] = Array(i.Y!);
                json["eta"] = i.Eta;
                json["batch"] = new JsonArray(i.BatchIndices!.Select(b => (JsonNode)b).ToArray());
                json["noise"] = Array(i.Noise!);
                break;
            case "run":
                json["y"] = Array(i.Y!);
                json["eta"] = i.Eta;
                json["sigma"] = i.Sigma;
                json["batch"] = i.BatchSize;
                json["law"] = "gaussian";
                json["steps"] = i.Steps;
                json["chains"] = i.Chains;
                json["seed"] = i.Seed;
                break;
        }
        return json;
    }

    private static JsonArray Array(double[] values) => new(values.Select(v => (JsonNode)v).ToArray());
}

/// <summary>
/// The typed fields of a request (CONFORMANCE.md §2); which are set depends on the op.
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
