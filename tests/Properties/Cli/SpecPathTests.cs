using System.Text.Json.Nodes;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// Errors the engine raises on its bare field names (<c>EngineFieldNameTests</c>) reach the user of a spec command
/// under the spec path of the field (<c>data.x[1]</c>, <c>data.y[1]</c>), exit 2 with one line, also when they come
/// from after the spec was read (here: finding θ* on M). The reader's own cases are in <c>SpecValidationTests</c>.
/// </summary>
public class SpecPathTests
{
    [Theory]
    [InlineData("validate", 0.353617424346, "data.x[1]: duplicates data.x[0]")]
    [InlineData("simulate", 1.0, "data.y[1]: = 1 differs from data.y[0]")]
    public void A_command_names_the_spec_path_of_an_engine_field(string command, double y1, string start)
    {
        using var spec = SpecFile.TinyTanh(o =>
        {
            o.Remove("theta");
            o["data"]!["x"]![1] = new JsonArray(0.3, -0.7);
            o["data"]!["y"]![1] = y1;
        });
        CliOutcome.BadInput(CliRun.Of(command, "--spec", spec.Path), start);
    }
}
