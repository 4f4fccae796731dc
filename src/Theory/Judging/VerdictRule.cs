using System.Globalization;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The contract of every verdict row (docs/theory.md §5): <c>pass ⇔ |measured − predicted| ≤ tolerance</c> with
/// <c>tolerance = z · SE + bias bound</c>. This is the one place the tolerance is computed and compared. A check that
/// expects a rejection states its own prediction; it never inverts the rule. Every command that prints rows
/// (<c>check</c>, <c>sweep</c>, <c>reproduce</c>, <c>certify</c>) can be held to it with <see cref="Violations"/>.
/// </summary>
public static class VerdictRule
{
    /// <summary>The tolerance <c>z · SE + bias</c>.</summary>
    public static double Tolerance(double z, double stdErr, double bias) => z * stdErr + bias;

    /// <summary><c>|measured − predicted| ≤ tolerance</c> (false for NaN).</summary>
    public static bool Within(double predicted, double measured, double tolerance) =>
        Math.Abs(measured - predicted) <= tolerance;

    /// <summary>The row of a measurement judged at <c>z · SE + bias</c>; a non-finite prediction or measurement fails.</summary>
    public static CheckResult Judge(string check, string @case, double predicted, double measured, double stdErr, double z,
        double bias, string detail = "") =>
        new(check, @case, predicted, measured, stdErr, z, bias,
            Within(predicted, measured, Tolerance(z, stdErr, bias)), detail);

    /// <summary>The row of an exact quantity (no noise, SE = 0) judged at the stated <paramref name="bound"/>.</summary>
    public static CheckResult Exact(string check, string @case, double predicted, double measured, double bound,
        string detail = "") =>
        Judge(check, @case, predicted, measured, 0, 0, bound, detail);

    /// <summary>Whether the row's <c>pass</c> is exactly <c>|measured − predicted| ≤ tolerance</c> (false for NaN).</summary>
    public static bool Holds(CheckResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Pass == Within(row.Predicted, row.Measured, row.Tolerance);
    }

    /// <summary>
    /// <c>|measured − predicted| / tolerance</c>: at most 1 exactly when the row passes. A zero tolerance gives 0 for an
    /// exact match and +∞ otherwise; a non-finite gap gives +∞.
    /// </summary>
    public static double Ratio(double predicted, double measured, double tolerance)
    {
        double gap = Math.Abs(measured - predicted);
        if (double.IsNaN(gap) || double.IsNaN(tolerance)) return double.PositiveInfinity;
        if (tolerance == 0) return gap == 0 ? 0 : double.PositiveInfinity;
        return gap / tolerance;
    }

    /// <summary>The ratio of a row (see the other overload).</summary>
    public static double Ratio(CheckResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Ratio(row.Predicted, row.Measured, row.Tolerance);
    }

    /// <summary>One line per row that breaks the rule (empty when every row obeys it).</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<CheckResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.Where(r => !Holds(r)).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Check} [{r.Case}]: pass = {r.Pass}, but |measured − predicted|/tolerance = " +
            $"|{r.Measured:G6} − {r.Predicted:G6}|/{r.Tolerance:G3} = {Ratio(r):G3}"))];
    }
}
