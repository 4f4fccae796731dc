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
    /// The hot-path form of <see cref="Finite(ReadOnlySpan{double}, string)"/>: one SIMD sum, and the element scan
    /// (which names the offending index) only when the sum is not finite.
    /// </summary>
    public static void FiniteFast(ReadOnlySpan<double> values, string field)
    {
        if (!double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values))) Finite(values, field);
    }

    public static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
            throw new InvalidInputException(field, $"must be finite, got {Format(value)}");
    }

    public static void Length(int actual, int expected, string field)
    {
        if (actual != expected)
            throw new InvalidInputException(field, $"has length {actual}, expected {expected}");
    }

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
