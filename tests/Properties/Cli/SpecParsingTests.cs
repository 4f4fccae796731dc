using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>Valid spec files of every model kind parse into the right model, data, θ and SGD settings.</summary>
public class SpecParsingTests
{
    [Fact]
    public void ExampleFileParsesWithThetaOnTheManifold()
    {
        var spec = SpecReader.Load(CliRun.RepositoryFile("examples/tiny-tanh.json"));
        Assert.IsType<Mlp>(spec.Model);
        Assert.Equal(13, spec.Model.ParameterCount);
        Assert.Equal(3, spec.Data.Count);
        Assert.NotNull(spec.Theta);
        var outputs = new double[3];
        spec.Model.Forward(spec.Theta, spec.Data.X, outputs, spec.Model.CreateWorkspace(3));
        for (int i = 0; i < 3; i++) Assert.Equal(spec.Data.Y[i], outputs[i], 1e-10);
        Assert.Equal(new SgdOptions(new SgdProblem(0.05, 0.2, 3, NoiseLaw.Gaussian), new RunPlan(2000, 200, 0, 1)), spec.Sgd);
    }

    [Fact]
    public void SgdDefaultsAreFullBatchGaussian()
    {
        var spec = SpecReader.Parse(SpecJson.With(o => o["sgd"] = new System.Text.Json.Nodes.JsonObject
        {
            ["eta"] = 0.1,
            ["sigma"] = 0,
        }));
        Assert.Equal(new SgdOptions(new SgdProblem(0.1, 0, 2, NoiseLaw.Gaussian),
            new RunPlan(SgdOptions.DefaultChains, SgdOptions.DefaultSteps, 0, SgdOptions.DefaultSeed)), spec.Sgd);
        Assert.Null(spec.Theta);
    }

    [Theory]
    [InlineData("""{ "kind": "mlp", "input": 2, "hidden": [4, 3], "activations": ["relu", "gelu"], "output_bias": false }""", 2, 4 * 2 + 4 + 3 * 4 + 3 + 3)]
    [InlineData("""{ "kind": "dag", "input": 2, "neurons": [{ "activation": "tanh", "sources": [0, 1] }, { "activation": "identity", "sources": [0, 2] }] }""", 2, 3 + 3)]
    [InlineData("""{ "kind": "matrix_sensing", "d": 2, "k": 2 }""", 4, 4)]
    [InlineData("""{ "kind": "relu1d", "width": 3 }""", 1, 10)]
    [InlineData("""{ "kind": "sigmoid2", "input": 2, "width": 3 }""", 2, 12)]
    public void EveryModelKindParses(string model, int inputDimension, int parameterCount)
    {
        string row = "[" + string.Join(", ", Enumerable.Repeat("0.5", inputDimension)) + "]";
        string json = $$"""{ "model": {{model}}, "data": { "x": [{{row}}], "y": [1] }, "sgd": { "eta": 0.01, "sigma": 1 } }""";
        var spec = SpecReader.Parse(json);
        Assert.Equal(inputDimension, spec.Model.InputDimension);
        Assert.Equal(parameterCount, spec.Model.ParameterCount);
    }

    [Fact]
    public void SettingsMapToTheEngineSimulator()
    {
        var settings = SpecReader.Parse(SpecJson.Valid).Sgd.ToSettings();
        Assert.Equal(new SgdSettings(new SgdProblem(0.05, 0.5, 2, NoiseLaw.Gaussian), 7), settings);
    }
}
