using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Judges a measured drift against a predicted vector (docs/theory.md §3, §5), in direction and size:
/// <list type="bullet">
/// <item><c>…_along</c>: the measured component along the predicted direction <c>d/|d|</c> against <c>|d|</c>;</item>
/// <item><c>…_components</c>: every parameter component, each within <c>z·SE_k + bias</c>; the report shows the worst
/// by <c>|m − p|/tolerance</c> (<see cref="WorstComponent"/>).</item>
/// </list>
/// The bias bound is the stated relative bias times |d|, applied to each comparison.
/// </summary>
public static class DriftVerdict
{
    /// <summary>Both verdicts; a prediction of exactly zero is judged on the components alone (its direction is undefined).</summary>
    public static IReadOnlyList<CheckResult> Judge(string check, string caseName, DriftMeasurement measured, double[] predicted,
        double relativeBias, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(predicted);
        budget ??= SuiteBudget.Budget;
        double size = RegularizerValue.Norm(predicted);
        double bias = relativeBias * size;
        var results = new List<CheckResult>(2);
        if (size > 0)
        {
            var direction = predicted.Select(v => v / size).ToArray();
            var along = VectorMeanEstimate.Projection(measured.Samples, direction);
            results.Add(budget.Judge($"{check}_along", caseName, size, along, bias,
                $"per-step drift along d/|d|; {measured.Method}"));
        }
        results.Add(Components(check, caseName, measured.Estimate, predicted, bias, budget, measured.Method));
        return results;
    }

    private static CheckResult Components(string check, string caseName, VectorMeanEstimate estimate, double[] predicted,
        double bias, ErrorBudget budget, string method)
    {
        var components = new WorstComponent();
        for (int k = 0; k < predicted.Length; k++)
            components.Add(predicted[k], estimate.Mean[k], VerdictRule.Tolerance(budget.ZFor(estimate.Count), estimate.StdErr[k], bias));
        int worst = Math.Max(0, components.Index);
        return budget.Judge($"{check}_components", caseName, predicted[worst], new MeanEstimate(estimate.Mean[worst], estimate.StdErr[worst], estimate.Count), bias,
            $"worst of {predicted.Length} components (θ[{worst}]); {method}");
    }
}
