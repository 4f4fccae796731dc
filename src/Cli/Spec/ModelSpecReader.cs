using System.Text.Json;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Reads the <c>model</c> block of a spec file. Kinds: <c>mlp</c>, <c>dag</c>, <c>matrix_sensing</c>, <c>relu1d</c>,
/// <c>sigmoid2</c> (DESIGN.md "Models"; THEORY.md §4), <c>quadratic</c> and <c>quadratic_signed</c> (docs/theory.md §7).
/// </summary>
internal static class ModelSpecReader
{
    private static readonly string[] Kinds = ["mlp", "dag", "matrix_sensing", "relu1d", "sigmoid2", "quadratic", "quadratic_signed"];

    public static Model Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException(path, $"expected an object, got {SpecValue.Show(element)}");
        string kindPath = SpecPath.Field(path, "kind");
        if (!element.TryGetProperty("kind", out var kindElement))
            throw new InvalidInputException(kindPath, $"missing required field; expected one of {string.Join(", ", Kinds)}");
        string kind = SpecValue.Text(kindElement, kindPath);
        return Rebased(path, () => kind switch
        {
            "mlp" => ReadMlp(new SpecObject(element, path, "kind", "input", "hidden", "activations", "output_bias")),
            "dag" => ReadDag(new SpecObject(element, path, "kind", "input", "neurons")),
            "matrix_sensing" => ReadMatrixSensing(new SpecObject(element, path, "kind", "d", "k")),
            "relu1d" => Mlp.Relu1D(Width(new SpecObject(element, path, "kind", "width"))),
            "sigmoid2" => ReadSigmoid2(new SpecObject(element, path, "kind", "input", "width")),
            "quadratic" or "quadratic_signed" => ReadQuadratic(new SpecObject(element, path, "kind", "d"), kind == "quadratic_signed"),
            _ => throw new InvalidInputException(kindPath,
                $"unknown model kind \"{kind}\"; expected one of {string.Join(", ", Kinds)}"),
        });
    }

    private static Mlp ReadMlp(SpecObject o)
    {
        int input = Input(o);
        int[] hidden = SpecValue.Array(o.Required("hidden"), o.PathOf("hidden"),
            (e, p) => SpecValue.Integer(e, p, 1), minLength: 1);
        if (hidden.Length > Mlp.MaxDepth)
            throw new InvalidInputException(o.PathOf("hidden"),
                $"has {hidden.Length} layers; 1 to {Mlp.MaxDepth} are supported");
        var activations = SpecValue.Array(o.Required("activations"), o.PathOf("activations"), ReadActivation);
        if (activations.Length != hidden.Length)
            throw new InvalidInputException(o.PathOf("activations"),
                $"has {activations.Length} entries but {o.PathOf("hidden")} has {hidden.Length} layers");
        bool outputBias = o.Optional("output_bias") is { } bias ? SpecValue.Boolean(bias, o.PathOf("output_bias")) : true;
        return new Mlp(input, hidden, activations, outputBias);
    }

    private static DagNetwork ReadDag(SpecObject o)
    {
        int input = Input(o);
        var neurons = SpecValue.Array(o.Required("neurons"), o.PathOf("neurons"),
            (e, p, j) => ReadNeuron(e, p, input, input + j), minLength: 1);
        return new DagNetwork(input, neurons);
    }

    /// <summary>Neuron <c>j</c>, which is node <paramref name="node"/> = input + j.</summary>
    private static DagNeuron ReadNeuron(JsonElement element, string path, int input, int node)
    {
        var o = new SpecObject(element, path, "activation", "sources");
        var activation = ReadActivation(o.Required("activation"), o.PathOf("activation"));
        int[] sources = SpecValue.Array(o.Required("sources"), o.PathOf("sources"), (e, p) =>
        {
            int source = SpecValue.Integer(e, p, 0);
            if (source >= node)
                throw new InvalidInputException(p,
                    $"is {source}, but this neuron is node {node}: sources must be inputs (0..{input - 1}) or earlier neurons");
            return source;
        }, minLength: 1);
        var duplicate = sources.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidInputException(o.PathOf("sources"), $"lists node {duplicate.Key} twice");
        return new DagNeuron(activation, sources);
    }

    private static MatrixSensing ReadMatrixSensing(SpecObject o) =>
        new(SpecValue.Integer(o.Required("d"), o.PathOf("d"), 1), SpecValue.Integer(o.Required("k"), o.PathOf("k"), 1));

    private static QuadraticLinear ReadQuadratic(SpecObject o, bool difference) =>
        new(SpecValue.Integer(o.Required("d"), o.PathOf("d"), 1), difference);

    private static Mlp ReadSigmoid2(SpecObject o) => Mlp.TwoLayerSigmoid(Input(o), Width(o));

    private static int Input(SpecObject o) => SpecValue.Integer(o.Required("input"), o.PathOf("input"), 1);

    private static int Width(SpecObject o) => SpecValue.Integer(o.Required("width"), o.PathOf("width"), 1);

    private static ActivationKind ReadActivation(JsonElement element, string path) =>
        Activation.Parse(SpecValue.Text(element, path), path);

    /// <summary>Runs a model constructor; an error it raises with a bare field name is re-rooted under the model path.</summary>
    private static Model Rebased(string path, Func<Model> build)
    {
        try
        {
            return build();
        }
        catch (InvalidInputException e) when (!e.Field.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidInputException(SpecPath.Field(path, e.Field), InputError.Problem(e));
        }
    }
}
