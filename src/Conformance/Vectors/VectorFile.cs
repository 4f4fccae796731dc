using System.Globalization;
using System.Text;
using System.Text.Json;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// One case file of <c>noisedrift vectors</c>, with the fields of docs/conformance.md §1 in its order; numbers with 17
/// significant digits, so every double round-trips.
/// </summary>
public static class VectorFile
{
    /// <summary>The protocol version written in every file.</summary>
    public const int Protocol = 1;

    /// <summary>The file name of a case: <c>CASE.json</c>.</summary>
    public static string FileName(CertifiedCase certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        return certified.Case.Name + ".json";
    }

    /// <summary>The JSON text of a certified case: one field per line, <c>expected</c> fields indented, ending in a newline.</summary>
    public static string Text(CertifiedCase certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        var c = certified.Case;
        var e = certified.Expected;
        var top = new List<(string, string)>
        {
            ("protocol", Protocol.ToString(CultureInfo.InvariantCulture)),
            ("case", JsonLine.Value(json => json.WriteStringValue(c.Name))),
            ("model", c.Model.SpecJson),
            ("x", Rows(c.Rows)),
            ("y", Array(c.Data.Y)),
            ("theta", Array(c.Theta)),
            ("v", Array(c.V)),
            ("eta", Number(c.Eta)),
            ("sigma", Number(c.Sigma)),
            ("batch", c.Batch.ToString(CultureInfo.InvariantCulture)),
        };
        var expected = new List<(string, string)>
        {
            ("h", Array(e.H)),
            ("jacobian", Rows(e.Jacobian)),
            ("reg", Number(e.Reg)),
            ("grad_reg", Array(e.GradReg)),
            ("hvp", Rows(e.Hvp)),
            ("p_grad_reg", Array(e.PGradReg)),
            ("drift_leading", Array(e.DriftLeading)),
            ("drift_exact", Array(e.DriftExact)),
            ("ou_cov", Array(e.OuCov)),
            ("sgd_step", JsonLine.Value(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("batch");
                json.WriteStartArray();
                foreach (int i in c.StepBatch) json.WriteNumberValue(i);
                json.WriteEndArray();
                JsonLine.Numbers(json, "noise", c.Noise, JsonDigits.Seventeen);
                JsonLine.Numbers(json, "theta", e.SgdStepTheta, JsonDigits.Seventeen);
                json.WriteEndObject();
            })),
        };
        var text = new StringBuilder("{\n");
        foreach (var (name, value) in top) text.Append(CultureInfo.InvariantCulture, $"  \"{name}\": {value},\n");
        text.Append("  \"expected\": {\n");
        text.AppendJoin(",\n", expected.Select(f => $"    \"{f.Item1}\": {f.Item2}"));
        text.Append("\n  },\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"tolerance\": {{\"relative\": {Number(certified.RelativeTolerance)}}}\n}}\n");
        return text.ToString();
    }

    private static string Number(double value) => JsonLine.Value(json => JsonLine.Number(json, value, JsonDigits.Seventeen));

    private static string Array(IEnumerable<double> values) =>
        JsonLine.Value(json => JsonLine.Numbers(json, values, JsonDigits.Seventeen));

    private static string Rows(IEnumerable<double[]> rows) => JsonLine.Value(json => JsonLine.Rows(json, rows, JsonDigits.Seventeen));

    /// <summary>The index line of a case: name, file, model kind, n, p, B, noise law, tolerance.</summary>
    internal static void WriteIndexEntry(Utf8JsonWriter json, CertifiedCase certified)
    {
        var c = certified.Case;
        json.WriteStartObject();
        json.WriteString("case", c.Name);
        json.WriteString("file", FileName(certified));
        json.WriteString("kind", c.Model.Kind);
        json.WriteNumber("n", c.Count);
        json.WriteNumber("p", c.ParameterCount);
        json.WriteNumber("batch", c.Batch);
        json.WriteString("noise", c.Law == NoiseLaw.Gaussian ? "gaussian" : "rademacher");
        JsonLine.Number(json, "relative", certified.RelativeTolerance, JsonDigits.Seventeen);
        json.WriteEndObject();
    }
}
