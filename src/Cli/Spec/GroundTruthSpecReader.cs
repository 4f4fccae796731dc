using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// Reads the optional <c>data.ground_truth</c> of a matrix-sensing spec (docs/theory.md §4.1): X* as d rows of d finite
/// numbers, symmetric and positive semi-definite (it is <c>U*U*ᵀ</c>), to within <see cref="Tolerance"/> of its
/// largest entry. Returned row-major. Any other model kind has no such field.
/// </summary>
internal static class GroundTruthSpecReader
{
    /// <summary>The relative tolerance of the symmetry and PSD checks.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The field name inside <c>data</c>.</summary>
    public const string Field = "ground_truth";

    /// <summary>X* (row-major d × d), or null when the field is absent.</summary>
    public static double[]? Read(JsonElement data, string dataPath, Model model)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(Field, out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        string path = JsonPath.Field(dataPath, Field);
        if (model is not MatrixSensing sensing)
            throw new InvalidInputException(path, $"is only for model kind matrix_sensing, not {model.Describe()}");
        int d = sensing.Size;
        double[][] rows = JsonValues.Array(element, path, (e, p) =>
        {
            double[] row = JsonValues.Numbers(e, p);
            if (row.Length != d) throw new InvalidInputException(p, $"has {row.Length} entries, expected d = {d}");
            return row;
        });
        if (rows.Length != d) throw new InvalidInputException(path, $"has {rows.Length} rows, expected d = {d} (X* is d × d)");
        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        double scale = Math.Max(1, x.Enumerate().Max(Math.Abs));
        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b < d; b++)
            {
                if (Math.Abs(x[a, b] - x[b, a]) > Tolerance * scale)
                    throw new InvalidInputException(JsonPath.Item(JsonPath.Item(path, a), b),
                        $"is {Guard.Format(x[a, b])} but [{b}][{a}] is {Guard.Format(x[b, a])}; X* = U*U*ᵀ is symmetric");
            }
        }
        double least = ((x + x.Transpose()) / 2).Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        if (least < -Tolerance * scale)
            throw new InvalidInputException(path, $"has the eigenvalue {Guard.Format(least)} < 0; X* = U*U*ᵀ is positive semi-definite");
        return x.ToRowMajorArray();
    }
}
