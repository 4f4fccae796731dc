using System.Text;
using System.Text.Json;

namespace NoiseDrift.Bench;

/// <summary>One compact JSON object on one line, written by <paramref name="fields"/>.</summary>
public static class JsonLine
{
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
