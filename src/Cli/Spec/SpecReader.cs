using System.Text.Json;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Parses and validates a spec file (DESIGN.md "Spec file"): <c>{ model, data, theta?, sgd }</c>. Every field is
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

    /// <summary>Reads the spec file at <paramref name="path"/>.</summary>
    public static Spec Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException("--spec", $"cannot read '{path}': {e.Message}");
        }
        return Parse(text);
    }

    /// <summary>Parses spec JSON text.</summary>
    public static Spec Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException("spec",
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
        }
        using (document) return Read(document.RootElement);
    }

    private static Spec Read(JsonElement root)
    {
        var o = new SpecObject(root, "", "model", "data", "theta", "sgd");
        var model = ModelSpecReader.Read(o.Required("model"), "model");
        var data = DataSpecReader.Read(o.Required("data"), "data", model);
        var groundTruth = GroundTruthSpecReader.Read(o.Required("data"), "data", model);
        double[]? theta = o.Optional("theta") is { } t ? Theta(t, model) : null;
        var sgd = SgdSpecReader.Read(o.Required("sgd"), "sgd", data.Count);
        return new Spec(model, data, theta, sgd) { GroundTruth = groundTruth };
    }

    private static double[] Theta(JsonElement element, Model model)
    {
        double[] theta = SpecValue.Numbers(element, "theta");
        if (theta.Length != model.ParameterCount)
            throw new InvalidInputException("theta",
                $"has length {theta.Length}, but {model.Describe()} has p = {model.ParameterCount} parameters");
        return theta;
    }
}
