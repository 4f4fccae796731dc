using System.Text;
using System.Text.Json;
using NoiseDrift.Conformance.Cases;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// The certified vector set (docs/conformance.md §1): every canonical case certified by two routes, one file per case plus
/// <c>index.json</c>. A case whose routes disagree is never written.
/// </summary>
public static class VectorSet
{
    /// <summary>The index file name.</summary>
    public const string IndexFile = "index.json";

    /// <summary>Certifies every case of the catalog (docs/theory.md §1–§3 values, two routes each).</summary>
    public static IReadOnlyList<CertifiedCase> Certify(IEnumerable<ConformanceCase>? cases = null) =>
        (cases ?? CaseCatalog.All).Select(ValueCertifier.Certify).ToArray();

    /// <summary>The files of a certified set: name → text, the index last.</summary>
    public static IReadOnlyList<(string Name, string Text)> Files(IReadOnlyList<CertifiedCase> certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        var files = certified.Select(c => (VectorFile.FileName(c), VectorFile.Text(c))).ToList();
        files.Add((IndexFile, Index(certified)));
        return files;
    }

    /// <summary><c>index.json</c>: the protocol version and one entry per case.</summary>
    public static string Index(IReadOnlyList<CertifiedCase> certified)
    {
        ArgumentNullException.ThrowIfNull(certified);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("protocol", VectorFile.Protocol);
            json.WriteStartArray("cases");
            foreach (var c in certified) VectorFile.WriteIndexEntry(json, c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
