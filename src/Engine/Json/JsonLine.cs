using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NoiseDrift.Engine.Json;

/// <summary>
/// The one writer of compact JSON (docs/design.md "JSON output"): a value per line, written and flushed line by line,
/// and one policy for the numbers JSON cannot hold: NaN and ±∞ are written as <c>null</c>, which readers take as NaN.
/// Finite numbers are written in the form <see cref="JsonDigits"/> names.
/// </summary>
public static class JsonLine
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The compact text of the one value <paramref name="write"/> writes, without a newline.</summary>
    public static string Value(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The compact text of one object whose members <paramref name="members"/> writes, without a newline.</summary>
    public static string Of(Action<Utf8JsonWriter> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return Value(json =>
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        });
    }

    /// <summary>Writes <paramref name="line"/> and a newline, and flushes, so a reader sees each line as it is made.</summary>
    public static void Write(TextWriter output, string line)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>A number value: <c>null</c> when not finite.</summary>
    public static void Number(Utf8JsonWriter json, double value, JsonDigits digits = JsonDigits.Shortest)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!double.IsFinite(value)) json.WriteNullValue();
        else if (digits == JsonDigits.Seventeen) json.WriteRawValue(Seventeen(value));
        else json.WriteNumberValue(value);
    }

    /// <summary>A number member: <c>null</c> when not finite.</summary>
    public static void Number(Utf8JsonWriter json, string name, double value, JsonDigits digits = JsonDigits.Shortest)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        Number(json, value, digits);
    }

    /// <summary>An array of numbers, each <c>null</c> when not finite.</summary>
    public static void Numbers(Utf8JsonWriter json, IEnumerable<double> values, JsonDigits digits = JsonDigits.Shortest)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray();
        foreach (double v in values) Number(json, v, digits);
        json.WriteEndArray();
    }

    /// <summary>An array member of numbers, each <c>null</c> when not finite.</summary>
    public static void Numbers(Utf8JsonWriter json, string name, IEnumerable<double> values, JsonDigits digits = JsonDigits.Shortest)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        Numbers(json, values, digits);
    }

    /// <summary>An array of rows of numbers.</summary>
    public static void Rows(Utf8JsonWriter json, IEnumerable<double[]> rows, JsonDigits digits = JsonDigits.Shortest)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rows);
        json.WriteStartArray();
        foreach (var row in rows) Numbers(json, row, digits);
        json.WriteEndArray();
    }

    /// <summary>17 significant digits, lower-case exponent: <c>0.070000000000000007</c>, <c>1e-06</c>-style.</summary>
    public static string Seventeen(double value) =>
        value.ToString("G17", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
