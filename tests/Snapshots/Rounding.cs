using System.Globalization;

namespace NoiseDrift.Snapshots;

/// <summary>
/// Rounding before snapshotting (docs/design.md "Snapshot library"): last bits differ across CPUs, so numbers are written
/// with a fixed number of significant digits.
/// </summary>
internal static class Rounding
{
    /// <summary>Derived quantities: 6 significant digits.</summary>
    public static string Six(double value) => Significant(value, 6);

    /// <summary>Simulated quantities: 4 significant digits.</summary>
    public static string Four(double value) => Significant(value, 4);

    public static string[] Six(IEnumerable<double> values) => values.Select(Six).ToArray();

    private static string Significant(double value, int digits) =>
        value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
