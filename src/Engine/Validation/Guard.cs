using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NoiseDrift.Engine.Validation;

/// <summary>Checks shared by every model and simulator; each failure names the field and the value.</summary>
public static class Guard
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void Finite(ReadOnlySpan<double> values, string field)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new InvalidInputException($"{field}[{i}]", $"must be finite, got {Format(values[i])}");
        }
    }

    /// <summary>
    /// The hot-path form of <see cref="Finite(ReadOnlySpan{double}, string)"/>, throwing exactly when it does: one SIMD
    /// sum (finite only when every value is), and the element scan (which names the offending index) only when the sum is
    /// not finite; a span of at most <see cref="ShortSpan"/> values is scanned directly, cheaper than the call of the sum.
    /// </summary>
    public static void FiniteFast(ReadOnlySpan<double> values, string field)
    {
        if (values.Length <= ShortSpan ? !AllFinite(values) : !double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values)))
            Finite(values, field);
    }

    /// <summary>
    /// <see cref="FiniteFast"/> on each row of <paramref name="rowLength"/> values of a row-major block, naming the index
    /// within the first offending row as that call would, in one pass over the whole block while every value is finite.
    /// </summary>
    public static void FiniteRows(ReadOnlySpan<double> rows, int rowLength, string field)
    {
        if (rows.Length <= ShortSpan ? AllFinite(rows) : double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(rows))) return;
        for (int start = 0; start + rowLength <= rows.Length; start += rowLength) Finite(rows.Slice(start, rowLength), field);
    }

    /// <summary>The longest span <see cref="FiniteFast"/> scans element by element.</summary>
    private const int ShortSpan = 16;

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) return false;
        }
        return true;
    }

    public static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
            throw new InvalidInputException(field, $"must be finite, got {Format(value)}");
    }

    /// <summary>Throws unless <paramref name="actual"/> is <paramref name="expected"/>; small enough to inline into hot paths.</summary>
    public static void Length(int actual, int expected, string field)
    {
        if (actual != expected) ThrowLength(actual, expected, field);
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string field) =>
        throw new InvalidInputException(field, $"has length {actual}, expected {expected}");

    public static void Positive(int value, string field)
    {
        if (value <= 0)
            throw new InvalidInputException(field, $"must be positive, got {value}");
    }

    public static void Positive(double value, string field)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new InvalidInputException(field, $"must be positive and finite, got {Format(value)}");
    }

    public static void NonNegative(double value, string field)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new InvalidInputException(field, $"must be non-negative and finite, got {Format(value)}");
    }
}
