namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Judges many components of one exact quantity against references with per-component tolerances (THEORY.md §5 with
/// SE = 0). The verdict reports the component with the largest <c>|measured − reference| / tolerance</c>; any NaN or
/// ∞ fails.
/// </summary>
public sealed class ComponentVerdict(string check, string @case)
{
    private double _worstRatio = -1;
    private double _reference, _measured, _tolerance;
    private string _where = "";
    private int _count;

    /// <summary>Adds one component; <paramref name="where"/> names it, e.g. <c>example 2, θ[7]</c>.</summary>
    public void Add(double reference, double measured, double tolerance, string where)
    {
        _count++;
        double ratio = Math.Abs(measured - reference) / tolerance;
        if (!double.IsFinite(measured) || !double.IsFinite(reference)) ratio = double.PositiveInfinity;
        if (double.IsNaN(ratio) || ratio <= _worstRatio) return;
        (_worstRatio, _reference, _measured, _tolerance, _where) = (ratio, reference, measured, tolerance, where);
    }

    /// <summary>The verdict: pass when every component is within its tolerance.</summary>
    public CheckResult Result(string what) =>
        new(check, @case, _reference, _measured, 0, _tolerance, _count > 0 && _worstRatio <= 1,
            $"{what}; worst of {_count} components at {_where}: |error|/tolerance = {_worstRatio:G3}");
}
