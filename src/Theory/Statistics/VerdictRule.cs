using System.Globalization;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// The contract of every verdict row (THEORY.md §5): <c>pass ⇔ |measured − predicted| ≤ tolerance</c>. A check that
/// expects a rejection states its own prediction; it never inverts the rule. Every command that prints rows
/// (<c>check</c>, <c>sweep</c>, <c>reproduce</c>, <c>certify</c>) can be held to it with <see cref="Violations"/>.
/// </summary>
public static class VerdictRule
{
    /// <summary>Whether the row's <c>pass</c> is exactly <c>|measured − predicted| ≤ tolerance</c> (false for NaN).</summary>
    public static bool Holds(CheckResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Pass == (Math.Abs(row.Measured - row.Predicted) <= row.Tolerance);
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

    /// <summary>One line per row that breaks the rule (empty when every row obeys it).</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<CheckResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.Where(r => !Holds(r)).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Check} [{r.Case}]: pass = {r.Pass}, but |measured − predicted|/tolerance = " +
            $"|{r.Measured:G6} − {r.Predicted:G6}|/{r.Tolerance:G3} = {Ratio(r.Predicted, r.Measured, r.Tolerance):G3}"))];
    }
}
