using System.Text.Json.Nodes;

namespace NoiseDrift.Properties.Cli;

/// <summary>A valid spec document to mutate field by field in the validation tests.</summary>
internal static class SpecJson
{
    public const string Valid = """
        { "model": { "kind": "mlp", "input": 2, "hidden": [3], "activations": ["tanh"] },
          "data":  { "x": [[0.1, 0.2], [0.3, -0.4]], "y": [1.0, -1.0] },
          "sgd":   { "eta": 0.05, "sigma": 0.5, "batch": 2, "noise": "gaussian", "steps": 10, "chains": 4, "seed": 7 } }
        """;

    /// <summary>The valid spec with one edit applied to its JSON tree.</summary>
    public static string With(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Valid)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }
}
