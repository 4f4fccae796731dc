using System.Text.Json;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Json;

/// <summary>
/// A JSON object (of a spec file, a model) with a closed set of field names. Construction rejects anything that is
/// not an object, unknown fields and duplicate fields, each error naming the JSON path.
/// </summary>
public sealed class ClosedObject
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);

    public ClosedObject(JsonElement element, string path, params string[] allowed)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException(Label(path), $"expected an object, got {JsonValues.Show(element)}");
        foreach (var property in element.EnumerateObject())
        {
            string field = JsonPath.Field(path, property.Name);
            if (Array.IndexOf(allowed, property.Name) < 0)
                throw new InvalidInputException(field, $"unknown field; expected one of {string.Join(", ", allowed)}");
            if (!_fields.TryAdd(property.Name, property.Value))
                throw new InvalidInputException(field, "duplicate field");
        }
    }

    /// <summary>The JSON path of this object (empty for the root).</summary>
    public string Path { get; }

    /// <summary>The path of one of this object's fields.</summary>
    public string PathOf(string name) => JsonPath.Field(Path, name);

    /// <summary>The value of a field that must be present.</summary>
    public JsonElement Required(string name) =>
        _fields.TryGetValue(name, out var value)
            ? value
            : throw new InvalidInputException(PathOf(name), "missing required field");

    /// <summary>The value of an optional field, or null when it is absent or JSON <c>null</c>.</summary>
    public JsonElement? Optional(string name) =>
        _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Label(string path) => path.Length == 0 ? "spec" : path;
}
