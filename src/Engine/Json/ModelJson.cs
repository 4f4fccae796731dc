using System.Text.Json;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Json;

/// <summary>
/// The one codec of the <c>model</c> object that spec files hold and conformance requests and vectors carry
/// (docs/design.md "Spec file", docs/conformance.md). Kinds: <c>mlp</c>, <c>dag</c>, <c>matrix_sensing</c>,
/// <c>relu1d</c>, <c>sigmoid2</c> (docs/theory.md §4), <c>quadratic</c>, <c>quadratic_signed</c> (docs/theory.md §7). <see cref="Write"/> and <see cref="Read"/> are inverse:
/// reading what was written gives the same kind and a model with the same h and θ order.
/// </summary>
public static class ModelJson
{
    /// <summary>The model kinds, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["mlp", "dag", "matrix_sensing", "relu1d", "sigmoid2", "quadratic", "quadratic_signed"];

    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["mlp"] = ["kind", "input", "hidden", "activations", "output_bias"],
        ["dag"] = ["kind", "input", "neurons"],
        ["matrix_sensing"] = ["kind", "d", "k"],
        ["relu1d"] = ["kind", "width"],
        ["sigmoid2"] = ["kind", "input", "width"],
        ["quadratic"] = ["kind", "d"],
        ["quadratic_signed"] = ["kind", "d"],
    };

    /// <summary>Every field name a model object may have, over all kinds.</summary>
    public static IReadOnlySet<string> FieldNames { get; } =
        new HashSet<string>(Fields.Values.SelectMany(f => f), StringComparer.Ordinal);

    /// <summary>
    /// Reads the model object at <paramref name="path"/>. A malformed object is an <see cref="InvalidInputException"/>
    /// naming the path below <paramref name="path"/>; the model constructors' own errors keep their bare field names
    /// (<c>hidden</c>, <c>neurons[1].sources[0]</c>, <c>d</c>).
    /// </summary>
    public static (string Kind, Model Model) Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException(path, $"expected an object, got {JsonValues.Show(element)}");
        string kindPath = JsonPath.Field(path, "kind");
        if (!element.TryGetProperty("kind", out var kindElement))
            throw new InvalidInputException(kindPath, $"missing required field; expected one of {string.Join(", ", Kinds)}");
        string kind = JsonValues.Text(kindElement, kindPath);
        if (!Fields.TryGetValue(kind, out var fields))
            throw new InvalidInputException(kindPath, $"unknown model kind \"{kind}\"; expected one of {string.Join(", ", Kinds)}");
        var o = new ClosedObject(element, path, fields);
        Model model = kind switch
        {
            "mlp" => ReadMlp(o),
            "dag" => ReadDag(o),
            "matrix_sensing" => new MatrixSensing(Integer(o, "d"), Integer(o, "k")),
            "relu1d" => Mlp.Relu1D(Integer(o, "width")),
            "quadratic" or "quadratic_signed" => new QuadraticLinear(Integer(o, "d"), kind == "quadratic_signed"),
            _ => Mlp.TwoLayerSigmoid(Integer(o, "input"), Integer(o, "width")),
        };
        return (kind, model);
    }

    /// <summary>The compact JSON text of <paramref name="model"/> as a model object of <paramref name="kind"/>.</summary>
    public static string Text(string kind, Model model) => JsonLine.Value(json => Write(json, kind, model));

    /// <summary>
    /// Writes <paramref name="model"/> as a model object of <paramref name="kind"/>; <c>output_bias</c> only when it
    /// is false (the default is true). Throws <see cref="ArgumentException"/> when the model is not of that kind.
    /// </summary>
    public static void Write(Utf8JsonWriter json, string kind, Model model)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(model);
        json.WriteStartObject();
        json.WriteString("kind", kind);
        switch (kind, model)
        {
            case ("mlp", Mlp mlp):
                json.WriteNumber("input", mlp.InputDimension);
                Integers(json, "hidden", mlp.Hidden);
                json.WriteStartArray("activations");
                foreach (var a in mlp.Activations) json.WriteStringValue(Activation.NameOf(a));
                json.WriteEndArray();
                if (!mlp.OutputBias) json.WriteBoolean("output_bias", false);
                break;
            case ("dag", DagNetwork dag):
                json.WriteNumber("input", dag.InputDimension);
                json.WriteStartArray("neurons");
                foreach (var neuron in dag.Neurons)
                {
                    json.WriteStartObject();
                    json.WriteString("activation", Activation.NameOf(neuron.Activation));
                    Integers(json, "sources", neuron.Sources);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case ("matrix_sensing", MatrixSensing sensing):
                json.WriteNumber("d", sensing.Size);
                json.WriteNumber("k", sensing.Width);
                break;
            case ("quadratic" or "quadratic_signed", QuadraticLinear quadratic) when quadratic.Kind == kind:
                json.WriteNumber("d", quadratic.Dimension);
                break;
            case ("relu1d", Mlp mlp) when IsTwoLayer(mlp, ActivationKind.Relu, true) && mlp.InputDimension == 1:
                json.WriteNumber("width", mlp.Hidden[0]);
                break;
            case ("sigmoid2", Mlp mlp) when IsTwoLayer(mlp, ActivationKind.Logistic, false):
                json.WriteNumber("input", mlp.InputDimension);
                json.WriteNumber("width", mlp.Hidden[0]);
                break;
            default:
                throw new ArgumentException($"{model.Describe()} is not a model of kind \"{kind}\"", nameof(model));
        }
        json.WriteEndObject();
    }

    private static Mlp ReadMlp(ClosedObject o)
    {
        int input = Integer(o, "input");
        int[] hidden = JsonValues.Array(o.Required("hidden"), o.PathOf("hidden"),
            (e, p) => JsonValues.WholeNumber(e, p, 1), minLength: 1);
        if (hidden.Length > Mlp.MaxDepth)
            throw new InvalidInputException(o.PathOf("hidden"), $"has {hidden.Length} layers; 1 to {Mlp.MaxDepth} are supported");
        var activations = JsonValues.Array(o.Required("activations"), o.PathOf("activations"), ReadActivation);
        if (activations.Length != hidden.Length)
            throw new InvalidInputException(o.PathOf("activations"),
                $"has {activations.Length} entries but {o.PathOf("hidden")} has {hidden.Length} layers");
        bool outputBias = o.Optional("output_bias") is not { } bias || JsonValues.Boolean(bias, o.PathOf("output_bias"));
        return new Mlp(input, hidden, activations, outputBias);
    }

    private static DagNetwork ReadDag(ClosedObject o)
    {
        int input = Integer(o, "input");
        var neurons = JsonValues.Array(o.Required("neurons"), o.PathOf("neurons"),
            (e, p, j) => ReadNeuron(e, p, input, input + j), minLength: 1);
        return new DagNetwork(input, neurons);
    }

    /// <summary>Neuron <c>j</c>, which is node <paramref name="node"/> = input + j.</summary>
    private static DagNeuron ReadNeuron(JsonElement element, string path, int input, int node)
    {
        var o = new ClosedObject(element, path, "activation", "sources");
        var activation = ReadActivation(o.Required("activation"), o.PathOf("activation"));
        int[] sources = JsonValues.Array(o.Required("sources"), o.PathOf("sources"), (e, p) =>
        {
            int source = JsonValues.WholeNumber(e, p, 0);
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

    private static int Integer(ClosedObject o, string name) => JsonValues.WholeNumber(o.Required(name), o.PathOf(name), 1);

    private static ActivationKind ReadActivation(JsonElement element, string path) =>
        Activation.Parse(JsonValues.Text(element, path), path);

    private static bool IsTwoLayer(Mlp mlp, ActivationKind activation, bool outputBias) =>
        mlp.Depth == 1 && mlp.Activations[0] == activation && mlp.OutputBias == outputBias;

    private static void Integers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (int v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
