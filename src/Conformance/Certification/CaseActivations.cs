using System.Text.Json.Nodes;
using NoiseDrift.Conformance.Cases;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// The activations a case exercises, read from its spec <c>model</c> object (docs/conformance.md "Models and θ
/// order"): the <c>activations</c> of an <c>mlp</c> and each neuron's <c>activation</c> of a <c>dag</c>. The fixed
/// architectures (<c>relu1d</c>, <c>sigmoid2</c>, <c>matrix_sensing</c>) are model kinds of their own and declare none:
/// the <c>activations</c> a program lists in <c>hello</c> restrict its <c>mlp</c> and <c>dag</c> cases only.
/// </summary>
public static class CaseActivations
{
    /// <summary>The distinct activation names of the case's model, in order of first use.</summary>
    public static IReadOnlyList<string> Of(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var spec = c.Model.Spec;
        IEnumerable<JsonNode?> names = c.Model.Kind switch
        {
            "mlp" => spec["activations"] as JsonArray ?? [],
            "dag" => (spec["neurons"] as JsonArray ?? []).Select(neuron => neuron?["activation"]),
            _ => [],
        };
        return names.Select(n => n?.ToString()).OfType<string>().Distinct().ToArray();
    }
}
