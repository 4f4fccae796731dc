using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Data;

/// <summary>
/// Training data <c>(x_i, y_i)</c>, <c>i = 1..n</c> (docs/theory.md §1). Inputs are stored row-major in one flat array,
/// <c>X[i * Dimension + k]</c>. Construction validates sizes and finiteness and names the offending field.
/// </summary>
public sealed class Dataset
{
    public Dataset(double[] x, double[] y, int dimension)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Positive(dimension, "dimension");
        if (y.Length == 0) throw new InvalidInputException("y", "is empty; at least one example is needed");
        Guard.Length(x.Length, y.Length * dimension, "x");
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
                throw new InvalidInputException($"x[{i / dimension}][{i % dimension}]",
                    $"must be finite, got {Guard.Format(x[i])}");
        }
        Guard.Finite(y, "y");
        X = x;
        Y = y;
        Dimension = dimension;
    }

    /// <summary>Builds a dataset from one array per example.</summary>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, double[] y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new InvalidInputException("x", "is empty; at least one example is needed");
        Guard.Length(y.Length, rows.Count, "y");
        int d = rows[0].Length;
        if (d == 0) throw new InvalidInputException("x[0]", "has no features");
        var x = new double[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            Guard.Length(rows[i].Length, d, $"x[{i}]");
            rows[i].CopyTo(x, i * d);
        }
        return new Dataset(x, y, d);
    }

    /// <summary>Inputs, row-major, <c>Count × Dimension</c>.</summary>
    public double[] X { get; }

    /// <summary>Labels <c>y_i</c>.</summary>
    public double[] Y { get; }

    public int Dimension { get; }

    /// <summary>The number of examples n.</summary>
    public int Count => Y.Length;

    public ReadOnlySpan<double> Row(int i) => X.AsSpan(i * Dimension, Dimension);

    /// <summary>A copy with the labels replaced, e.g. by the model's own outputs to make θ an interpolant.</summary>
    public Dataset WithLabels(double[] y) => new(X, y, Dimension);
}
