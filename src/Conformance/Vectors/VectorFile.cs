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

    /// <summary>The JSON text of a certified case (indented, ending in a newline).</summary>
    public static string Text(CertifiedCase certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        var c = certified.Case;
        var e = certified.Expected;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("protocol", Protocol);
            json.WriteString("case", c.Name);
            json.WritePropertyName("model");
            json.WriteRawValue(c.Model.SpecJson);
            JsonNumbers.Write(json, "x", c.Rows);
            JsonNumbers.Write(json, "y", c.Data.Y);
            JsonNumbers.Write(json, "theta", c.Theta);
            JsonNumbers.Write(json, "v", c.V);
            JsonNumbers.Write(json, "eta", c.Eta);
            JsonNumbers.Write(json, "sigma", c.Sigma);
            json.WriteNumber("batch", c.Batch);
            json.WriteStartObject("expected");
            JsonNumbers.Write(json, "h", e.H);
            JsonNumbers.Write(json, "jacobian", e.Jacobian);
            JsonNumbers.Write(json, "reg", e.Reg);
            JsonNumbers.Write(json, "grad_reg", e.GradReg);
            JsonNumbers.Write(json, "hvp", e.Hvp);
            JsonNumbers.Write(json, "p_grad_reg", e.PGradReg);
            JsonNumbers.Write(json, "drift_leading", e.DriftLeading);
            JsonNumbers.Write(json, "drift_exact", e.DriftExact);
            JsonNumbers.Write(json, "ou_cov", e.OuCov);
            json.WriteStartObject("sgd_step");
            json.WritePropertyName("batch");
            json.WriteStartArray();
            foreach (int i in c.StepBatch) json.WriteNumberValue(i);
            json.WriteEndArray();
            JsonNumbers.Write(json, "noise", c.Noise);
            JsonNumbers.Write(json, "theta", e.SgdStepTheta);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("tolerance");
            JsonNumbers.Write(json, "relative", certified.RelativeTolerance);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
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
