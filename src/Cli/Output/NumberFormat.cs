using System.Globalization;

namespace NoiseDrift.Cli.Output;

/// <summary>Numbers in tables: six significant digits, invariant culture.</summary>
internal static class NumberFormat
{
    public static string Short(double value) =>
        double.IsNaN(value) ? "nan" : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A ratio such as <c>|m − p|/tolerance</c>: three significant digits, <c>inf</c> when infinite.</summary>
    public static string Ratio(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : value.ToString("G3", CultureInfo.InvariantCulture);
}
