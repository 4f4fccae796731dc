using System.Text;
using System.Text.Json;

namespace NoiseDrift.Bench;

/// <summary>One compact JSON object on one line.</summary>
public static class JsonLine
{
    /// <summary>The object that <paramref name="fields"/> writes, as one line.</summary>
    public static string Of(Action<Utf8JsonWriter> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
