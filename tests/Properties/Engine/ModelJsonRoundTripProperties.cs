using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Conformance.Cases;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>A model of a spec kind, as the codec writes and reads it.</summary>
/// <param name="Kind">The spec kind.</param>
/// <param name="Model">The engine model.</param>
public sealed record KindedModel(string Kind, Model Model)
{
    public override string ToString() => ModelJson.Text(Kind, Model);
}

/// <summary>
/// Every model kind of the spec (<see cref="ModelJson.Kinds"/>): MLPs of any depth, widths, activations and output
/// bias, DAG networks with shuffled sources and skip edges, matrix sensing, the settings' relu1d and sigmoid2, and the
/// quadratic model in both forms.
/// </summary>
public static class KindedModels
{
    public static Arbitrary<KindedModel> Models() => Arb.From(
        Gen.OneOf(
            MlpGen.Architecture(ActivationGen.Any).Select(a => new KindedModel("mlp", a.Build())),
            DagGen.Network(ActivationGen.Any).Select(d => new KindedModel("dag", d)),
            from d in Gen.Choose(1, 4)
            from k in Gen.Choose(1, 4)
            select new KindedModel("matrix_sensing", new MatrixSensing(d, k)),
            Gen.Choose(1, 8).Select(w => new KindedModel("relu1d", Mlp.Relu1D(w))),
            from input in Gen.Choose(1, 3)
            from w in Gen.Choose(1, 8)
            select new KindedModel("sigmoid2", Mlp.TwoLayerSigmoid(input, w)),
            from d in Gen.Choose(1, 6)
            from difference in Gen.Elements(false, true)
            let model = new QuadraticLinear(d, difference)
            select new KindedModel(model.Kind, model)));
}

/// <summary>
/// The one model codec (<see cref="ModelJson"/>) that the spec reader and the conformance cases share: reading what it
/// wrote gives back the kind, the same text, and a model with the same p, θ order and h, bit for bit.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = 200, Arbitrary = [typeof(KindedModels)])]
public class ModelJsonRoundTripProperties
{
    [Property]
    public void Reading_what_was_written_gives_the_same_model(KindedModel written)
    {
        string text = ModelJson.Text(written.Kind, written.Model);
        using var document = JsonDocument.Parse(text);
        var (kind, model) = ModelJson.Read(document.RootElement, "model");
        Assert.Equal(written.Kind, kind);
        Assert.Equal(text, ModelJson.Text(kind, model));
        SameFunction(written.Model, model);
    }

    [Fact]
    public void Every_kind_is_generated()
    {
        var kinds = KindedModels.Models().Generator.Sample(300, 300).Select(m => m.Kind).ToHashSet();
        Assert.Equal(ModelJson.Kinds.Order(), kinds.Order());
    }

    [Fact]
    public void Every_conformance_case_reads_back_as_its_engine_model()
    {
        foreach (var c in CaseCatalog.All)
        {
            using var document = JsonDocument.Parse(c.Model.SpecJson);
            var (kind, model) = ModelJson.Read(document.RootElement, "model");
            Assert.Equal(c.Model.Kind, kind);
            SameFunction(c.Model.Engine, model);
        }
    }

    [Fact]
    public void A_model_of_another_kind_is_refused() =>
        Assert.Throws<ArgumentException>(() => ModelJson.Text("sigmoid2", Mlp.Relu1D(3)));

    /// <summary>Same p and description, and h equal bit for bit at a fixed θ and x (so the same θ order).</summary>
    private static void SameFunction(Model expected, Model actual)
    {
        Assert.Equal(expected.Describe(), actual.Describe());
        Assert.Equal(expected.ParameterCount, actual.ParameterCount);
        Assert.Equal(expected.InputDimension, actual.InputDimension);
        double[] theta = [.. Enumerable.Range(0, expected.ParameterCount).Select(k => Math.Sin(1.7 * k + 0.3))];
        double[] x = [.. Enumerable.Range(0, expected.InputDimension).Select(i => Math.Cos(0.9 * i + 0.2))];
        Assert.Equal(expected.Value(theta, x, expected.CreateWorkspace(1)), actual.Value(theta, x, actual.CreateWorkspace(1)));
    }
}
