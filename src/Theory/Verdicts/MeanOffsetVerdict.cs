using System.Globalization;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The <c>ou_mean_*</c> rows (docs/theory.md §3.9): the measured mean of the normal coordinates at step k, projected on
/// each eigenvector <c>v_j</c> of G and on <c>m_∞/|m_∞|</c>, against the predicted offset at step k. Error budget:
/// z·SE over pairs plus the relative remainder times <c>|m_k|</c>. Each row states its two power checks in its detail,
/// judged on the same measurement with the same tolerance: <c>m = 0</c> (the leading theory), and the offset grown with
/// the wrong time constant <c>1/(2ηλ)</c>. Where the offset is below the noise (well-conditioned G, or k ≫ 1/(ηλ_min)
/// for the time constant) the detail says the power check is not rejected.
/// </summary>
public static class MeanOffsetVerdict
{
    /// <summary>The rows for one step k; <paramref name="suffix"/> tells the end of the window from the earlier step.</summary>
    public static IReadOnlyList<CheckResult> Judge(string caseName, IReadOnlyList<double[]> perPair, double[] predicted,
        MeanNormalOffset offset, int step, double relativeBias, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(perPair);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(offset);
        int n = predicted.Length;
        double bias = relativeBias * Vectors.Norm(predicted);
        var halved = HalvedTimeConstant(offset, predicted, step);
        var results = new List<CheckResult>(n + 1);
        for (int j = 0; j < n; j++)
        {
            var v = offset.HessianEigenvectors.Column(j).ToArray();
            results.Add(Row($"ou_mean_eigen{j}{suffix}", caseName, perPair, v, predicted, halved, bias,
                string.Create(CultureInfo.InvariantCulture, $"eigenvector {j} of G (λ = {offset.HessianEigenvalues[j]:G3})"), step));
        }
        double size = offset.Size;
        if (size > 0)
        {
            var u = offset.Stationary.Select(c => c / size).ToArray();
            results.Add(Row($"ou_mean_along{suffix}", caseName, perPair, u, predicted, halved, bias,
                string.Create(CultureInfo.InvariantCulture, $"m_∞/|m_∞| (|m_∞| = {size:G3})"), step));
        }
        return results;
    }

    /// <summary>The predicted offset with the growth along each eigenvector of G taken at the wrong time constant.</summary>
    public static double[] HalvedTimeConstant(MeanNormalOffset offset, double[] predicted, int step)
    {
        ArgumentNullException.ThrowIfNull(offset);
        ArgumentNullException.ThrowIfNull(predicted);
        var result = new double[predicted.Length];
        for (int j = 0; j < predicted.Length; j++)
        {
            var v = offset.HessianEigenvectors.Column(j).ToArray();
            double along = Vectors.Dot(v, predicted) * offset.HalvedTimeConstantFactor(j, step);
            Vectors.AddScaled(result, v, along);
        }
        return result;
    }

    private static CheckResult Row(string check, string caseName, IReadOnlyList<double[]> perPair, double[] direction,
        double[] predicted, double[] halved, double bias, string what, int step)
    {
        var budget = SuiteBudget.Budget;
        var measured = VectorMeanEstimate.Projection(perPair, direction);
        double value = Vectors.Dot(direction, predicted);
        double tolerance = budget.Tolerance(measured, bias);
        double zero = VerdictRule.Ratio(0, measured.Mean, tolerance);
        double wrong = VerdictRule.Ratio(Vectors.Dot(direction, halved), measured.Mean, tolerance);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"mean normal coordinate along {what} at k = {step} over {perPair.Count} antithetic pairs; power: m = 0 is " +
            $"{zero:G3} tolerances away ({Verdict(zero)}), time constant 1/(2ηλ) {wrong:G3} ({Verdict(wrong)})");
        return Resolvability.Assess(budget.Judge(check, caseName, value, measured, bias, detail));
    }

    private static string Verdict(double ratio) => ratio > 1 ? "rejected" : "not rejected";
}
