using System.Globalization;
using System.Text;
using System.Text.Json;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>One case file of <c>noisedrift vectors</c>, with the fields of CONFORMANCE.md §1 in its order.</summary>
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
            ("case", Compact(json => json.WriteStringValue(c.Name))),
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
            ("sgd_step", Compact(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("batch");
                json.WriteStartArray();
                foreach (int i in c.StepBatch) json.WriteNumberValue(i);
                json.WriteEndArray();
                JsonNumbers.Write(json, "noise", c.Noise);
                JsonNumbers.Write(json, "theta", e.SgdStepTheta);
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

    private static string Number(double value) => Compact(json => JsonNumbers.Write(json, value));

    private static string Array(IEnumerable<double> values) => Compact(json => JsonNumbers.WriteArray(json, values));

    private static string Rows(IEnumerable<double[]> rows) => Compact(json =>
    {
        json.WriteStartArray();
        foreach (var row in rows) JsonNumbers.WriteArray(json, row);
        json.WriteEndArray();
    });

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

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
        JsonNumbers.Write(json, "relative", certified.RelativeTolerance);
        json.WriteEndObject();
    }
}
