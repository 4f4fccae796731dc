using System.Text;
using System.Text.Json;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Parses and validates a spec file (docs/design.md "Spec file"): <c>{ model, data, theta?, sgd }</c>. Every field is
/// checked and unknown fields are errors; each error is an <see cref="InvalidInputException"/> whose field is the JSON
/// path, e.g. <c>sgd.etaa: unknown field</c> or <c>data.x[2][0]: expected a finite number, got "a"</c>.
/// </summary>
public static class SpecReader
{
    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>The largest spec file read: 64 MB (a spec holds data rows, not a data set of that size).</summary>
    public const int MaxFileBytes = 64 << 20;

    /// <summary>Reads the spec file at <paramref name="path"/>; a file beyond <see cref="MaxFileBytes"/> is refused.</summary>
    public static Spec Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = ReadCapped(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--spec", $"cannot read '{path}': {e.Message}");
        }
        return Parse(bytes);
    }

    /// <summary>Reads at most <see cref="MaxFileBytes"/> bytes, also from pipes and devices that never end.</summary>
    private static byte[] ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw new InvalidInputException("--spec", $"'{path}' is larger than the {MaxFileBytes >> 20} MB a spec file may have");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Parses spec JSON text.</summary>
    public static Spec Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses spec JSON bytes (UTF-8, with or without a byte-order mark).</summary>
    public static Spec Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Strict);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException("spec",
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
        }
        using (document) return SpecPath.Within(() => Read(document.RootElement));
    }

    private static Spec Read(JsonElement root)
    {
        var o = new ClosedObject(root, "", "model", "data", "theta", "sgd");
        var (_, model) = ModelJson.Read(o.Required("model"), "model");
        var data = DataSpecReader.Read(o.Required("data"), "data", model);
        var groundTruth = GroundTruthSpecReader.Read(o.Required("data"), "data", model);
        double[]? theta = o.Optional("theta") is { } t ? Theta(t, model) : null;
        var sgd = SgdSpecReader.Read(o.Required("sgd"), "sgd", data.Count);
        var spec = new Spec(model, data, theta, sgd) { GroundTruth = groundTruth };
        RunMemory.Require(spec);
        return spec;
    }

    private static double[] Theta(JsonElement element, Model model)
    {
        double[] theta = JsonValues.Numbers(element, "theta");
        if (theta.Length != model.ParameterCount)
            throw new InvalidInputException("theta",
                $"has length {theta.Length}, but {model.Describe()} has p = {model.ParameterCount} parameters");
        return theta;
    }
}
