using System.Text.Json.Nodes;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// Errors the engine raises on its bare field names (<c>EngineFieldNameTests</c>) reach the user under the spec path
/// of the field (<c>model.hidden</c>, <c>model.d</c>, <c>sgd.eta</c>, <c>data.y[1]</c>), from the reader and from the
/// commands alike, exit 2 with one line.
/// </summary>
public class SpecPathTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { SpecJson.With(o => { o["model"]!["hidden"] = new JsonArray(1 << 20, 1 << 20); o["model"]!["activations"] = new JsonArray("tanh", "tanh"); }), "model.hidden", "more than the" },
        { SpecJson.With(o => o["model"] = JsonNode.Parse("""{ "kind": "matrix_sensing", "d": 50000, "k": 1 }""")), "model.d", "too large" },
        { SpecJson.With(o => o["sgd"]!["eta"] = 0), "sgd.eta", "positive" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reader_names_the_spec_path_of_an_engine_field(string json, string field, string fragment)
    {
        var error = Assert.Throws<InvalidInputException>(() => SpecReader.Parse(json));
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, InputError.Line(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.353617424346, "data.x[1]: duplicates data.x[0]")]
    [InlineData(1.0, "data.y[1]: = 1 differs from data.y[0]")]
    public void A_command_names_the_spec_path_of_an_engine_field(double y1, string start)
    {
        using var spec = SpecFile.TinyTanh(o =>
        {
            o.Remove("theta");
            o["data"]!["x"]![1] = new JsonArray(0.3, -0.7);
            o["data"]!["y"]![1] = y1;
        });
        string line = CliOutcome.BadInput(CliRun.Of("validate", "--spec", spec.Path), start);
        Assert.StartsWith($"noisedrift: {start}", line, StringComparison.Ordinal);
    }
}
