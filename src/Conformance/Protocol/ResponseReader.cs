using System.Text.Json;
using System.Text.Json.Nodes;

namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// Reads the fields of one response (docs/conformance.md §2). A wrong id, a missing field, a wrong shape or a non-finite
/// number is a <see cref="ProtocolViolationException"/> quoting the line; an <c>error</c> field is the op's own failure.
/// </summary>
public sealed class ResponseReader
{
    private readonly JsonObject _response;
    private readonly string _line;

    /// <summary>Checks the id against the request's.</summary>
    public ResponseReader(JsonObject response, string line, int expectedId)
    {
        ArgumentNullException.ThrowIfNull(response);
        _response = response;
        _line = line;
        if (!response.TryGetPropertyValue("id", out var id) || id is not JsonValue value ||
            !value.TryGetValue(out int got))
            throw new ProtocolViolationException($"response has no integer id (expected {expectedId})", line);
        if (got != expectedId) throw new ProtocolViolationException($"response id {got} does not match request id {expectedId}", line);
    }

    /// <summary>The <c>error</c> message, if the program reported one.</summary>
    public string? Error => _response.TryGetPropertyValue("error", out var e) && e is not null ? e.ToString() : null;

    /// <summary>A required finite number.</summary>
    public double Number(string field) => ToNumber(Required(field), field);

    /// <summary>A required array of <paramref name="length"/> finite numbers.</summary>
    public double[] Vector(string field, int length) => ToVector(Required(field), field, length);

    /// <summary>A required <paramref name="rows"/> × <paramref name="columns"/> array of finite numbers.</summary>
    public double[][] Matrix(string field, int rows, int columns)
    {
        if (Required(field) is not JsonArray array || array.Count != rows)
            throw new ProtocolViolationException($"field '{field}' must be an array of {rows} rows", _line);
        return array.Select((row, i) => ToVector(row, $"{field}[{i}]", columns)).ToArray();
    }

    /// <summary>A required array of strings.</summary>
    public string[] Strings(string field)
    {
        if (Required(field) is not JsonArray array || array.Any(e => e is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            throw new ProtocolViolationException($"field '{field}' must be an array of strings", _line);
        return array.Select(e => e!.GetValue<string>()).ToArray();
    }

    /// <summary>A required boolean.</summary>
    public bool Boolean(string field) =>
        Required(field) is JsonValue v && v.TryGetValue(out bool b)
            ? b
            : throw new ProtocolViolationException($"field '{field}' must be true or false", _line);

    private JsonNode Required(string field) =>
        _response.TryGetPropertyValue(field, out var node) && node is not null
            ? node
            : throw new ProtocolViolationException($"response is missing field '{field}'", _line);

    private double[] ToVector(JsonNode? node, string field, int length)
    {
        if (node is not JsonArray array)
            throw new ProtocolViolationException($"field '{field}' must be an array of {length} numbers", _line);
        if (array.Count != length)
            throw new ProtocolViolationException($"field '{field}' has {array.Count} entries, expected {length}", _line);
        return array.Select((e, k) => ToNumber(e, $"{field}[{k}]")).ToArray();
    }

    private double ToNumber(JsonNode? node, string field)
    {
        if (node is not JsonValue value || !value.TryGetValue(out double number))
            throw new ProtocolViolationException($"field '{field}' must be a number", _line);
        if (!double.IsFinite(number)) throw new ProtocolViolationException($"field '{field}' is {number}, not a finite number", _line);
        return number;
    }
}
