using System.Text.Json.Nodes;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// Every bad spec is refused with an error whose field is the JSON path of the problem and whose message shows the
/// offending value.
/// </summary>
public class SpecValidationTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { SpecJson.With(o => o["sgd"]!["etaa"] = 1), "sgd.etaa", "unknown field" },
        { SpecJson.With(o => o["extra"] = 1), "extra", "unknown field" },
        { SpecJson.With(o => o["model"]!["input"] = "3"), "model.input", "\"3\"" },
        { SpecJson.With(o => o["model"]!["input"] = 2.5), "model.input", "2.5" },
        { SpecJson.With(o => o["model"]!["kind"] = "cnn"), "model.kind", "cnn" },
        { SpecJson.With(o => o["model"]!.AsObject().Remove("kind")), "model.kind", "missing" },
        { SpecJson.With(o => o["model"]!["activations"]![0] = "tanhh"), "model.activations[0]", "tanhh" },
        { SpecJson.With(o => o["model"]!["activations"] = new JsonArray("tanh", "tanh")), "model.activations", "2 entries" },
        { SpecJson.With(o => o["model"]!["hidden"]![0] = 0), "model.hidden[0]", "at least 1" },
        { SpecJson.With(o => o["model"]!["output_bias"] = "yes"), "model.output_bias", "\"yes\"" },
        { SpecJson.With(o => o["data"]!["x"]![1]![0] = "a"), "data.x[1][0]", "\"a\"" },
        { SpecJson.With(o => o["data"]!["x"]![1] = new JsonArray(1.0, 2.0, 3.0)), "data.x[1]", "3 features" },
        { SpecJson.With(o => o["data"]!["y"] = new JsonArray(1.0)), "data.y", "1 labels" },
        { SpecJson.With(o => o["data"]!["x"] = new JsonArray()), "data.x", "at least 1" },
        { SpecJson.With(o => o["theta"] = new JsonArray(0.1, 0.2)), "theta", "length 2" },
        { SpecJson.With(o => o["theta"] = 1.0), "theta", "expected an array" },
        { SpecJson.With(o => o["sgd"]!["eta"] = -0.1), "sgd.eta", "-0.1" },
        { SpecJson.With(o => o["sgd"]!["sigma"] = -1), "sgd.sigma", "-1" },
        { SpecJson.With(o => o["sgd"]!["batch"] = 3), "sgd.batch", "n = 2" },
        { SpecJson.With(o => o["sgd"]!["noise"] = "uniform"), "sgd.noise", "uniform" },
        { SpecJson.With(o => o["sgd"]!["seed"] = -1), "sgd.seed", "-1" },
        { SpecJson.With(o => o["sgd"]!["steps"] = 0), "sgd.steps", "at least 1" },
        { SpecJson.With(o => o.Remove("sgd")), "sgd", "missing" },
        { SpecJson.With(o => o["model"] = JsonNode.Parse("""{ "kind": "dag", "input": 2, "neurons": [{ "activation": "tanh", "sources": [0, 2] }] }""")), "model.neurons[0].sources[1]", "node 2" },
        { SpecJson.With(o => o["model"] = JsonNode.Parse("""{ "kind": "dag", "input": 2, "neurons": [{ "activation": "tanh", "sources": [0], "bias": 1 }] }""")), "model.neurons[0].bias", "unknown field" },
        { SpecJson.With(o => o["model"] = JsonNode.Parse("""{ "kind": "matrix_sensing", "d": 2, "k": 0 }""")), "model.k", "at least 1" },
        // Raised by the engine on its bare field names (hidden, d, eta) and placed under the spec path by SpecPath.
        { SpecJson.With(o => { o["model"]!["hidden"] = new JsonArray(1 << 20, 1 << 20); o["model"]!["activations"] = new JsonArray("tanh", "tanh"); }), "model.hidden", "more than the" },
        { SpecJson.With(o => o["model"] = JsonNode.Parse("""{ "kind": "matrix_sensing", "d": 50000, "k": 1 }""")), "model.d", "too large" },
        { SpecJson.With(o => o["sgd"]!["eta"] = 0), "sgd.eta", "positive" },
        { "{ \"model\": 1, ", "spec", "invalid JSON" },
        { "[1, 2]", "spec", "expected an object" },
        { """{ "model": { "kind": "relu1d", "width": 2, "width": 3 } }""", "model.width", "duplicate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadSpecNamesThePathAndTheValue(string json, string field, string fragment)
    {
        var error = Assert.Throws<InvalidInputException>(() => SpecReader.Parse(json));
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, InputError.Line(error), StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", InputError.Line(error), StringComparison.Ordinal);
    }
}
