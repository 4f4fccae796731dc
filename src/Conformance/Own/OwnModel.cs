using System.Text.Json.Nodes;
using NoiseDrift.Conformance.Protocol;

namespace NoiseDrift.Conformance.Own;

/// <summary>
/// A model the implementation owns (model kind <c>own</c>, docs/conformance.md, section 3), as
/// described in its <c>hello</c>: p parameters, n examples of its own, θ* on the zero-loss manifold (its labels are
/// its own outputs at θ*) and the loss convention.
/// </summary>
/// <param name="Name">The implementation's name.</param>
/// <param name="ParameterCount">p.</param>
/// <param name="Count">n.</param>
/// <param name="Theta">θ* (p).</param>
/// <param name="Description">Free text from the implementation (may be empty).</param>
public sealed record OwnModel(string Name, int ParameterCount, int Count, double[] Theta, string Description)
{
    /// <summary>The only loss convention: <c>L_B = (1/(2B)) Σ_j (h_{b_j} − y_{b_j} − ε_j)²</c>.</summary>
    public const string HalfMeanSquare = "half_mean_square";

    /// <summary>The request field <c>model</c> of every request on the own model.</summary>
    public static JsonObject ModelField => new() { ["kind"] = "own" };

    /// <summary>Reads the <c>own</c> object of a <c>hello</c> response; a missing or malformed field breaks the protocol.</summary>
    public static OwnModel FromHello(JsonObject hello, string line, int id)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var reader = new ResponseReader(hello, line, id);
        string name = hello["name"]?.ToString() ?? throw new ProtocolViolationException("response is missing field 'name'", line);
        if (!reader.Strings("models").Contains("own"))
            throw new ProtocolViolationException("hello does not list model kind 'own' in 'models'", line);
        if (hello["own"] is not JsonObject own) throw new ProtocolViolationException("hello has no object 'own' describing the model", line);
        var fields = (JsonObject)own.DeepClone();
        fields["id"] = id;
        var described = new ResponseReader(fields, line, id);
        int p = Size(described.Number("p"), "own.p", line);
        int n = Size(described.Number("n"), "own.n", line);
        var theta = described.Vector("theta", p);
        string loss = own["loss"]?.ToString() ?? throw new ProtocolViolationException("field 'own.loss' is missing", line);
        if (loss != HalfMeanSquare)
            throw new ProtocolViolationException($"field 'own.loss' is '{loss}'; the only convention is '{HalfMeanSquare}'", line);
        return new OwnModel(name, p, n, theta, own["description"]?.ToString() ?? "");
    }

    /// <summary>The case label of every row: the implementation's name, p and n.</summary>
    public string Case => $"own {Name} p={ParameterCount} n={Count}";

    private static int Size(double value, string field, string line) =>
        value >= 1 && value <= int.MaxValue && value == Math.Floor(value)
            ? (int)value
            : throw new ProtocolViolationException($"field '{field}' must be a positive integer, got {value}", line);
}
