using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Judges measured normal-space second moments against a predicted covariance S (docs/theory.md §2 "Checks", §5): the
/// variance along each eigenvector of S, and the trace. The bias bound is the stated remainder
/// <see cref="SuiteBudget.RemainderBound"/> times the predicted value.
/// </summary>
public static class OuVerdict
{
    /// <summary>One verdict per eigen-direction (ascending) plus the trace.</summary>
    public static IReadOnlyList<CheckResult> Judge(string check, string caseName, OuMeasurement measured, OuCovariance predicted,
        double relativeBias, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(predicted);
        budget ??= SuiteBudget.Budget;
        var results = new List<CheckResult>();
        for (int k = 0; k < predicted.Eigenvalues.Length; k++)
        {
            var estimate = MeanEstimate.Of(measured.QuadraticForm(predicted.Eigenvectors.Column(k)));
            double value = predicted.Eigenvalues[k];
            results.Add(budget.Judge($"{check}_eigen{k}", caseName, value, estimate.Mean, estimate.StdErr,
                relativeBias * Math.Abs(value), $"variance along eigenvector {k} of S ({predicted.Form}); {measured.Method}"));
        }
        var trace = MeanEstimate.Of(measured.Trace());
        results.Add(budget.Judge($"{check}_trace", caseName, predicted.Trace, trace.Mean, trace.StdErr,
            relativeBias * Math.Abs(predicted.Trace), $"tr S ({predicted.Form}); {measured.Method}"));
        return results;
    }
}
