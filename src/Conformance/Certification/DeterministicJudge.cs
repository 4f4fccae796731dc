using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// Judges a deterministic op against the suite's value (CONFORMANCE.md §2) at a relative tolerance: a component passes
/// when <c>|measured − predicted| ≤ relative · scale</c>, the scale being the largest magnitude in the suite's field.
/// One row per field reports its worst component, so the row obeys <c>pass ⇔ |measured − predicted| ≤ tolerance</c>.
/// </summary>
public static class DeterministicJudge
{
    /// <summary>The default relative tolerance of CONFORMANCE.md §2.</summary>
    public const double DefaultRelative = 1e-9;

    /// <summary>The worst component of a field as one verdict row.</summary>
    public static CheckResult Judge(string check, string @case, double[] predicted, double[] measured, double relative)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(measured);
        double scale = predicted.Select(Math.Abs).DefaultIfEmpty(0).Max();
        double tolerance = relative * scale;
        int worst = 0;
        double worstExcess = double.NegativeInfinity;
        for (int k = 0; k < predicted.Length; k++)
        {
            double excess = Math.Abs(measured[k] - predicted[k]) - tolerance;
            if (excess > worstExcess) { worstExcess = excess; worst = k; }
        }
        double p = predicted.Length > 0 ? predicted[worst] : 0, m = measured.Length > 0 ? measured[worst] : 0;
        string where = predicted.Length > 1 ? $"component {worst} of {predicted.Length}" : "scalar";
        return new CheckResult(check, @case, p, m, 0, tolerance, Math.Abs(m - p) <= tolerance,
            $"{where}; tolerance {relative:0e0} x max|suite value| = {scale:g4}");
    }
}
