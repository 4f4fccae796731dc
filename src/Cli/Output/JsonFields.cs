using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// JSON output helpers shared by the commands: one object per document, numbers that are not finite written as
/// <c>null</c> (JSON cannot hold them), vectors as arrays.
/// </summary>
internal static class JsonFields
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text of one JSON object whose members <paramref name="members"/> writes, without a newline.</summary>
    public static string Object(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A number member, <c>null</c> when not finite.</summary>
    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    /// <summary>An array member of numbers, each <c>null</c> when not finite.</summary>
    public static void Vector(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) Value(json, v);
        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }
}
