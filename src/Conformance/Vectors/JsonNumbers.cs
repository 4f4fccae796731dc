using System.Globalization;
using System.Text.Json;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>Numbers in conformance JSON: 17 significant digits, so every double round-trips (CONFORMANCE.md §1).</summary>
public static class JsonNumbers
{
    /// <summary>Writes one finite double with 17 significant digits.</summary>
    public static void Write(Utf8JsonWriter json, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "JSON holds finite numbers only");
        json.WriteRawValue(Format(value));
    }

    /// <summary>17 significant digits, lower-case exponent: <c>0.070000000000000007</c>, <c>1e-06</c>-style.</summary>
    public static string Format(double value) =>
        value.ToString("G17", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    /// <summary>Writes a named number.</summary>
    public static void Write(Utf8JsonWriter json, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        Write(json, value);
    }

    /// <summary>Writes a named array of numbers.</summary>
    public static void Write(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        WriteArray(json, values);
    }

    /// <summary>Writes a named list of rows.</summary>
    public static void Write(Utf8JsonWriter json, string name, IEnumerable<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rows);
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var row in rows) WriteArray(json, row);
        json.WriteEndArray();
    }

    /// <summary>Writes an array of numbers.</summary>
    public static void WriteArray(Utf8JsonWriter json, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray();
        foreach (var v in values) Write(json, v);
        json.WriteEndArray();
    }
}
