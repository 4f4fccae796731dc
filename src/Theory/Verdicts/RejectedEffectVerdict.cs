using System.Globalization;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// A control that must NOT show an effect (docs/theory.md §3 "Controls", §5 power), stated so that its row obeys
/// <c>pass ⇔ |measured − predicted| ≤ tolerance</c> (<see cref="VerdictRule"/>): the measured drift is projected on
/// the direction <c>e = d_effect/|d_effect|</c> of the rejected effect and compared with the control's own prediction
/// along e. The detail states how many tolerances away the rejected effect <c>|d_effect|</c> lies: that separation
/// is the control's power. Error budget: as <see cref="DriftVerdict"/> (z·SE plus the relative bias times the size of
/// the control's own prediction).
/// </summary>
public static class RejectedEffectVerdict
{
    /// <summary>
    /// The verdict of <paramref name="measured"/> along the direction of <paramref name="rejected"/> against
    /// <paramref name="own"/>, the control's prediction; <paramref name="what"/> names the rejected effect.
    /// A rejected effect of size 0 has no direction: the own prediction is then judged on its components.
    /// </summary>
    public static CheckResult Judge(string check, string caseName, DriftMeasurement measured, double[] own, double[] rejected,
        double relativeBias, string what)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(rejected);
        double size = Vectors.Norm(rejected);
        if (!(size > 0)) return DriftVerdict.Judge(check, caseName, measured, own, relativeBias)[^1] with { Check = check };
        var direction = rejected.Select(v => v / size).ToArray();
        var along = VectorMeanEstimate.Projection(measured.Samples, direction);
        double predicted = Vectors.Dot(own, direction);
        var budget = SuiteBudget.Budget;
        double bias = relativeBias * Vectors.Norm(own);
        double tolerance = budget.Tolerance(along, bias);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"per-step drift along the direction of {what}: the control predicts {predicted:G4}; {what} would be " +
            $"{size:G4}, {VerdictRule.Ratio(predicted, size, tolerance):G3} tolerances away; {measured.Method}");
        return budget.Judge(check, caseName, predicted, along, bias, detail);
    }
}
