namespace NoiseDrift.Theory.Settings;

/// <summary>One named quantity of a setting (docs/theory.md §4), for reports: a scalar or a vector, with what it means.</summary>
/// <param name="Name">A snake_case name, e.g. <c>trace_uut</c> (the JSON field of <c>noisedrift predict</c>).</param>
/// <param name="Values">One value for a scalar, several for a vector; NaN where undefined.</param>
/// <param name="IsVector">Whether to show it as a vector even with one entry.</param>
/// <param name="Meaning">A few words on what it is, e.g. <c>tr(UUᵀ), the nuclear norm of UUᵀ</c>.</param>
public sealed record SettingQuantity(string Name, double[] Values, bool IsVector, string Meaning)
{
    /// <summary>A scalar quantity.</summary>
    public static SettingQuantity Scalar(string name, double value, string meaning) => new(name, [value], false, meaning);

    /// <summary>A vector quantity.</summary>
    public static SettingQuantity Vector(string name, IEnumerable<double> values, string meaning) => new(name, [.. values], true, meaning);
}
