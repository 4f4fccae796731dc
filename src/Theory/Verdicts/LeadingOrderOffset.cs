using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The leading-order drift <c>−(η²σ²/(4B)) P∇reg</c> is off by O(ηλ) (docs/theory.md §3, "Size of the finite-η
/// correction"): along <c>û = d_exact/|d_exact|</c>, the measured ratio <c>(m·û)/(d_lead·û) − 1</c> must equal the
/// predicted <c>(d_exact·û)/(d_lead·û) − 1</c>. Error budget: the drift's z·SE and stated bias, divided by
/// <c>d_lead·û</c>.
/// </summary>
public static class LeadingOrderOffset
{
    /// <summary>The verdict on the relative finite-η correction.</summary>
    public static CheckResult Judge(string caseName, DriftMeasurement measured, DriftPrediction prediction, double relativeBias)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(prediction);
        double size = RegularizerValue.Norm(prediction.Exact);
        var direction = prediction.Exact.Select(v => v / size).ToArray();
        double leading = Vectors.Dot(prediction.Leading, direction);
        var along = VectorMeanEstimate.Projection(measured.Samples, direction);
        double scale = 1 / Math.Abs(leading);
        return SuiteBudget.Budget.Judge("drift_leading_offset", caseName, size / leading - 1,
            new MeanEstimate(along.Mean / leading - 1, along.StdErr * scale, along.Count), relativeBias * size * scale,
            $"relative excess of the drift over the leading order along d/|d|; {measured.Method}");
    }
}
