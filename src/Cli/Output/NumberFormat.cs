using System.Globalization;

namespace NoiseDrift.Cli.Output;

/// <summary>Numbers in tables: six significant digits, invariant culture.</summary>
internal static class NumberFormat
{
    public static string Short(double value) =>
        double.IsNaN(value) ? "nan" : value.ToString("G6", CultureInfo.InvariantCulture);
}
