using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// One JSON object per verdict per line (DESIGN.md "CLI contract"):
/// <c>{"check","case","predicted","measured","stderr","pass"}</c>, followed by <c>"tolerance"</c> and <c>"detail"</c>.
/// Non-finite numbers, which JSON cannot hold, are written as <c>null</c>.
/// </summary>
public static class CheckJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON line of one verdict, without the newline.</summary>
    public static string Line(CheckResult r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("check", r.Check);
            json.WriteString("case", r.Case);
            Number(json, "predicted", r.Predicted);
            Number(json, "measured", r.Measured);
            Number(json, "stderr", r.StdErr);
            json.WriteBoolean("pass", r.Pass);
            Number(json, "tolerance", r.Tolerance);
            json.WriteString("detail", r.Detail);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
