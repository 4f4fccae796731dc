using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace NoiseDrift.Properties.Generators;

/// <summary>A generated spec file: its JSON text and how it was made (shown for a counterexample).</summary>
/// <param name="Recipe">The valid base and the mutations applied, e.g. <c>mlp 2-[3,2] n=3; sgd.eta ← 1e308</c>.</param>
/// <param name="Json">The spec text.</param>
public sealed record FuzzSpec(string Recipe, string Json)
{
    public override string ToString() => $"{Recipe}{Environment.NewLine}  {Json}";
}

/// <summary>
/// Spec files for the fuzz property (docs/design.md "Spec file"): valid specs of every model kind with tiny sizes, and
/// mutations of them — a field removed, a type swapped, an extreme number, a huge size, NaN as text, an unknown
/// field. Built from integer choices, so a run replays from its seed.
/// </summary>
public static class SpecGen
{
    private static readonly string[] Activations =
        ["identity", "tanh", "logistic", "softplus", "silu", "gelu", "sin", "relu", "leaky_relu", "square"];

    /// <summary>A valid spec (it may still be refused, e.g. when θ cannot be projected onto M) and its p.</summary>
    public static Gen<(string Recipe, JsonObject Spec)> Valid =>
        from model in Gen.OneOf(MlpDraw, DagDraws, SensingDraw, Relu1DDraw, Sigmoid2Draw)
        from n in Gen.Choose(1, 4)
        from x in Numbers(n * model.Input)
        from y in Numbers(n)
        from withTheta in Gen.Elements(true, false)
        from theta in Numbers(model.P)
        from eta in NumberGen.Uniform(0.001, 0.2)
        from sigma in Gen.OneOf(Gen.Constant(0.0), NumberGen.Uniform(0, 0.5))
        from batch in Gen.Choose(0, n)
        from noise in Gen.Elements("gaussian", "rademacher")
        from steps in Gen.Choose(1, 5)
        from pairs in Gen.Choose(2, 3)
        from seed in Gen.Choose(0, 1000)
        select (model.Recipe + $" n={n}{(withTheta ? "" : " no θ")}",
            Spec(model.Json, x, y, model.Input, withTheta ? theta : null, eta, sigma, batch, noise, steps, 2 * pairs, seed));

    /// <summary>A valid spec, or one with one or two mutations (two thirds of the draws).</summary>
    public static Gen<FuzzSpec> Any =>
        from valid in Valid
        from count in Gen.Elements(0, 1, 1, 2)
        from picks in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count)
        from kinds in Gen.ArrayOf(Gen.Choose(0, Mutations.Length - 1), count)
        select Mutated(valid.Recipe, valid.Spec, picks, kinds);

    private sealed record ModelDraw(string Recipe, JsonObject Json, int Input, int P);

    private static Gen<ModelDraw> MlpDraw =>
        from input in Gen.Choose(1, 3)
        from depth in Gen.Choose(1, 2)
        from hidden in Gen.ArrayOf(Gen.Choose(1, 4), depth)
        from activations in Gen.ArrayOf(Gen.Elements(Activations), depth)
        from bias in Gen.Elements(true, false)
        select new ModelDraw($"mlp {input}-[{string.Join(",", hidden)}]{(bias ? "" : " no bias")}",
            new JsonObject
            {
                ["kind"] = "mlp",
                ["input"] = input,
                ["hidden"] = Array(hidden),
                ["activations"] = Array(activations),
                ["output_bias"] = bias,
            },
            input, MlpP(input, hidden, bias));

    private static Gen<ModelDraw> DagDraws =>
        from input in Gen.Choose(1, 2)
        from count in Gen.Choose(1, 3)
        from masks in Gen.ArrayOf(Gen.Choose(1, 31), count)
        from activations in Gen.ArrayOf(Gen.Elements(Activations), count)
        select DagDraw(input, masks, activations);

    private static Gen<ModelDraw> SensingDraw =>
        from d in Gen.Choose(1, 2)
        from k in Gen.Choose(1, 2)
        select new ModelDraw($"matrix_sensing d={d} k={k}", new JsonObject { ["kind"] = "matrix_sensing", ["d"] = d, ["k"] = k }, d * d, d * k);

    private static Gen<ModelDraw> Relu1DDraw =>
        Gen.Choose(1, 3).Select(w => new ModelDraw($"relu1d m={w}", new JsonObject { ["kind"] = "relu1d", ["width"] = w }, 1, 3 * w + 1));

    private static Gen<ModelDraw> Sigmoid2Draw =>
        from input in Gen.Choose(1, 2)
        from w in Gen.Choose(1, 3)
        select new ModelDraw($"sigmoid2 {input}x{w}", new JsonObject { ["kind"] = "sigmoid2", ["input"] = input, ["width"] = w },
            input, (input + 2) * w);

    private static ModelDraw DagDraw(int input, int[] masks, string[] activations)
    {
        var neurons = new JsonArray();
        int p = 0;
        for (int j = 0; j < masks.Length; j++)
        {
            int node = input + j;
            var sources = Enumerable.Range(0, node).Where(s => (masks[j] >> s & 1) == 1).ToList();
            if (sources.Count == 0) sources.Add(node - 1);
            p += sources.Count + 1;
            neurons.Add(new JsonObject { ["activation"] = activations[j], ["sources"] = Array(sources) });
        }
        return new ModelDraw($"dag {input} inputs, {masks.Length} neurons", new JsonObject { ["kind"] = "dag", ["input"] = input, ["neurons"] = neurons },
            input, p);
    }

    private static int MlpP(int input, int[] hidden, bool bias)
    {
        int p = 0, below = input;
        foreach (int w in hidden)
        {
            p += w * below + w;
            below = w;
        }
        return p + below + (bias ? 1 : 0);
    }

    private static JsonObject Spec(JsonObject model, double[] x, double[] y, int input, double[]? theta, double eta, double sigma,
        int batch, string noise, int steps, int chains, int seed)
    {
        var rows = new JsonArray();
        for (int i = 0; i < y.Length; i++) rows.Add(Array(x.Skip(i * input).Take(input)));
        var sgd = new JsonObject { ["eta"] = eta, ["sigma"] = sigma, ["noise"] = noise, ["steps"] = steps, ["chains"] = chains, ["seed"] = seed };
        if (batch > 0) sgd["batch"] = batch;
        var spec = new JsonObject { ["model"] = model.DeepClone(), ["data"] = new JsonObject { ["x"] = rows, ["y"] = Array(y) } };
        if (theta is not null) spec["theta"] = Array(theta);
        spec["sgd"] = sgd;
        return spec;
    }

    /// <summary>The mutations: each replaces (or removes) the node it is given, or adds a field to an object.</summary>
    private static readonly (string Name, Func<JsonNode?>? Value)[] Mutations =
    [
        ("removed", null),
        ("\"text\"", () => "text"), ("true", () => true), ("null", () => null), ("[]", () => new JsonArray()),
        ("{}", () => new JsonObject()), ("\"NaN\"", () => "NaN"), ("-1", () => -1), ("0", () => 0), ("4.5", () => 4.5),
        ("1e308", () => 1e308), ("-1e308", () => -1e308), ("1e-308", () => 1e-308), ("1e300", () => 1e300),
        ("1e9", () => 1e9), ("2147483647", () => int.MaxValue), ("2147483648", () => 2147483648L),
        ("2147483639", () => int.MaxValue - 8), ("1073741827", () => 1073741827), ("1e6", () => 1_000_000),
        ("unknown field", () => 1),
    ];

    private static FuzzSpec Mutated(string recipe, JsonObject valid, int[] picks, int[] kinds)
    {
        var spec = (JsonObject)valid.DeepClone();
        var applied = new List<string>();
        for (int m = 0; m < picks.Length; m++)
        {
            var nodes = Nodes(spec).ToList();
            var (path, node) = nodes[picks[m] % nodes.Count];
            var (name, value) = Mutations[kinds[m]];
            if (name == "unknown field")
            {
                if (node is JsonObject o) o["unexpected"] = 1;
                else spec["unexpected"] = 1;
                applied.Add($"{(node is JsonObject ? path : "")}.unexpected added");
                continue;
            }
            if (node?.Parent is null) continue;
            Replace(node, value);
            applied.Add($"{path} {(value is null ? "removed" : "← " + name)}");
        }
        string json = spec.ToJsonString();
        return new FuzzSpec(applied.Count == 0 ? recipe : $"{recipe}; {string.Join("; ", applied)}", json);
    }

    private static void Replace(JsonNode node, Func<JsonNode?>? value)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                string key = parent.First(kv => ReferenceEquals(kv.Value, node)).Key;
                if (value is null) parent.Remove(key);
                else parent[key] = value();
                break;
            case JsonArray array:
                int index = array.IndexOf(node);
                if (value is null) array.RemoveAt(index);
                else array[index] = value();
                break;
        }
    }

    /// <summary>Every node below the root with its JSON path, in document order.</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Nodes(JsonNode node, string path = "")
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                string childPath = path.Length == 0 ? key : $"{path}.{key}";
                yield return (childPath, child);
                if (child is not null) foreach (var inner in Nodes(child, childPath)) yield return inner;
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                string childPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                yield return (childPath, a[i]);
                if (a[i] is { } child) foreach (var inner in Nodes(child, childPath)) yield return inner;
            }
        }
    }

    private static Gen<double[]> Numbers(int count) => Gen.ArrayOf(NumberGen.StandardNormal, count);

    private static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray Array(IEnumerable<int> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}

/// <summary>Generated spec files for <c>[Property(Arbitrary = ...)]</c>; a spec is text, so it is not shrunk.</summary>
public static class FuzzSpecs
{
    public static Arbitrary<FuzzSpec> Specs() => Arb.From(SpecGen.Any, _ => []);
}
