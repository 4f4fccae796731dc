using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// Judges a deterministic op against the suite's value (docs/conformance.md §2) at a relative tolerance: a component passes
/// when <c>|measured − predicted| ≤ relative · scale</c>, the scale being the largest magnitude in the suite's field.
/// One row per field reports its worst component (<see cref="WorstComponent"/>; a NaN component is the worst), so the
/// row obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c> and fails when any component does.
/// </summary>
public static class DeterministicJudge
{
    /// <summary>The default relative tolerance of docs/conformance.md §2.</summary>
    public const double DefaultRelative = 1e-9;

    /// <summary>The worst component of a field as one verdict row.</summary>
    public static CheckResult Judge(string check, string @case, double[] predicted, double[] measured, double relative)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(measured);
        double scale = predicted.Select(Math.Abs).DefaultIfEmpty(0).Max();
        double tolerance = relative * scale;
        var components = new WorstComponent();
        for (int k = 0; k < predicted.Length; k++) components.Add(predicted[k], measured[k], tolerance);
        int worst = Math.Max(0, components.Index);
        double p = predicted.Length > 0 ? predicted[worst] : 0, m = measured.Length > 0 ? measured[worst] : 0;
        string where = predicted.Length > 1 ? $"component {worst} of {predicted.Length}" : "scalar";
        return VerdictRule.Exact(check, @case, p, m, tolerance,
            $"{where}; tolerance {relative:0e0} x max|suite value| = {scale:g4}");
    }
}
