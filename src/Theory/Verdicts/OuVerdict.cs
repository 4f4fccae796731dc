using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Judges measured normal-space second moments against a predicted covariance S (docs/theory.md §2 "Checks", §5): the
/// variance along each eigenvector of S, and the trace. The bias bound is a <see cref="CovarianceRemainder"/>: for a
/// stationary run the stated remainder plus the derived T² covariance change and the mean offset (docs/theory.md §3.5,
/// "The OU rows"); for a transient the stated relative remainder times the predicted value.
/// </summary>
public static class OuVerdict
{
    /// <summary>One verdict per eigen-direction (ascending) plus the trace.</summary>
    public static IReadOnlyList<CheckResult> Judge(string check, string caseName, OuMeasurement measured, OuCovariance predicted,
        double relativeBias, ErrorBudget? budget = null) =>
        Judge(check, caseName, measured, predicted, CovarianceRemainder.StatedOnly(predicted, relativeBias), budget);

    /// <summary>One verdict per eigen-direction (ascending) plus the trace, with the bias bound of <paramref name="remainder"/>.</summary>
    public static IReadOnlyList<CheckResult> Judge(string check, string caseName, OuMeasurement measured, OuCovariance predicted,
        CovarianceRemainder remainder, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(remainder);
        budget ??= SuiteBudget.Budget;
        var results = new List<CheckResult>();
        for (int k = 0; k < predicted.Eigenvalues.Length; k++)
        {
            var estimate = MeanEstimate.Of(measured.QuadraticForm(predicted.Eigenvectors.Column(k)));
            double value = predicted.Eigenvalues[k];
            results.Add(budget.Judge($"{check}_eigen{k}", caseName, value, estimate,
                remainder.Along(predicted.Eigenvectors.Column(k)), $"variance along eigenvector {k} of S ({predicted.Form}); {measured.Method}"));
        }
        var trace = MeanEstimate.Of(measured.Trace());
        results.Add(budget.Judge($"{check}_trace", caseName, predicted.Trace, trace,
            remainder.OfTrace(), $"tr S ({predicted.Form}); {measured.Method}"));
        return results;
    }
}
