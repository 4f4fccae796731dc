namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The one reduction of many component comparisons to the one a verdict row reports (docs/theory.md §5): the component with
/// the largest <c>|measured − predicted| / tolerance</c> (<see cref="VerdictRule.Ratio(double, double, double)"/>; NaN and ∞ count as +∞), the
/// first of equals. Every vector check reports its worst component this way, so the row passes exactly when every
/// component is within its own tolerance.
/// </summary>
public sealed class WorstComponent
{
    /// <summary>Components added so far.</summary>
    public int Count { get; private set; }

    /// <summary>The position (in order of <see cref="Add"/>) of the worst component, −1 before the first.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>Its <c>|measured − predicted| / tolerance</c> (0 before the first).</summary>
    public double Ratio { get; private set; }

    /// <summary>Adds one component; true when it is the new worst.</summary>
    public bool Add(double predicted, double measured, double tolerance)
    {
        double ratio = VerdictRule.Ratio(predicted, measured, tolerance);
        int index = Count++;
        if (Index >= 0 && !(ratio > Ratio)) return false;
        (Index, Ratio) = (index, ratio);
        return true;
    }

    /// <summary>The position of the worst of <paramref name="rows"/> (−1 when there are none).</summary>
    public static int Of(IEnumerable<CheckResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var worst = new WorstComponent();
        foreach (var r in rows) worst.Add(r.Predicted, r.Measured, r.Tolerance);
        return worst.Index;
    }
}
