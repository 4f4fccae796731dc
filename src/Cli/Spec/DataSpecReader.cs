using System.Text.Json;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Reads the <c>data</c> block, <c>{ "x": [[…], …], "y": […] }</c>, against a model: every row of x must have the
/// model's input dimension (for matrix sensing, a row is a flattened <c>d × d</c> matrix, so it has <c>d²</c> entries).
/// Matrix sensing may also give <c>ground_truth</c>, read by <see cref="GroundTruthSpecReader"/>.
/// </summary>
internal static class DataSpecReader
{
    /// <summary>The fields of the block.</summary>
    public static IReadOnlySet<string> FieldNames { get; } =
        new HashSet<string>(["x", "y", GroundTruthSpecReader.Field], StringComparer.Ordinal);

    public static Dataset Read(JsonElement element, string path, Model model)
    {
        var o = model is MatrixSensing
            ? new ClosedObject(element, path, "x", "y", GroundTruthSpecReader.Field)
            : new ClosedObject(element, path, "x", "y");
        int d = model.InputDimension;
        double[][] rows = JsonValues.Array(o.Required("x"), o.PathOf("x"), (e, p) =>
        {
            double[] row = JsonValues.Numbers(e, p);
            if (row.Length != d)
                throw new InvalidInputException(p,
                    $"has {row.Length} features, but the model {model.Describe()} takes {d}");
            return row;
        }, minLength: 1);
        double[] y = JsonValues.Numbers(o.Required("y"), o.PathOf("y"));
        if (y.Length != rows.Length)
            throw new InvalidInputException(o.PathOf("y"), $"has {y.Length} labels, but {o.PathOf("x")} has {rows.Length} rows");
        return Dataset.FromRows(rows, y);
    }
}
