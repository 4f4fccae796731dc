using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Judges many components of one exact quantity against references with per-component tolerances (docs/theory.md §5 with
/// SE = 0). The verdict reports the component with the largest <c>|measured − reference| / tolerance</c>
/// (<see cref="WorstComponent"/>); any NaN or ∞ fails.
/// </summary>
public sealed class ComponentVerdict(string check, string @case)
{
    private readonly WorstComponent _worst = new();
    private double _reference, _measured, _tolerance;
    private string _where = "";

    /// <summary>Adds one component; <paramref name="where"/> names it, e.g. <c>example 2, θ[7]</c>.</summary>
    public void Add(double reference, double measured, double tolerance, string where)
    {
        if (_worst.Add(reference, measured, tolerance))
            (_reference, _measured, _tolerance, _where) = (reference, measured, tolerance, where);
    }

    /// <summary>The verdict: pass when every component is within its tolerance; no component at all fails.</summary>
    public CheckResult Result(string what)
    {
        string detail = $"{what}; worst of {_worst.Count} components at {_where}: |error|/tolerance = " +
                        $"{(_worst.Count == 0 ? -1 : _worst.Ratio):G3}";
        return _worst.Count == 0
            ? VerdictRule.Exact(check, @case, 0, double.NaN, 0, detail)
            : VerdictRule.Exact(check, @case, _reference, _measured, _tolerance, detail);
    }
}
