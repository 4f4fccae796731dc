using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Scaling of the drift and of the OU covariance (docs/theory.md §3, §2 "Checks"): for a grid of η, σ or B, the measured
/// drift along the fixed direction <c>d/|d|</c> of the base case, and the measured trace of the normal covariance, are
/// fitted as power laws. Each fitted exponent is judged against the exponent of the exact-S predictions on the same grid,
/// fitted with the same weights; the leading-order exponents (2, 2, −1 for the drift; 1, 2, −1 for S) appear in the
/// detail. Error budget: z·SE of the weighted slope, plus the stated remainder propagated to the slope,
/// <c>2 max_i C λ_max(S_i) / ln(x_max/x_min)</c>.
/// </summary>
public static class ScalingCheck
{
    /// <summary>Runs one experiment per grid value of <paramref name="parameter"/> and judges both exponents.</summary>
    public static IReadOnlyList<CheckResult> Run(TheoryCase @case, RunPlan plan, ScalingParameter parameter,
        IReadOnlyList<double> grid)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(grid);
        var baseline = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd).Exact;
        double size = RegularizerValue.Norm(baseline);
        var direction = baseline.Select(v => v / size).ToArray();
        var x = new List<double>();
        var drift = new List<double>();
        var driftStdErr = new List<double>();
        var driftPredicted = new List<double>();
        var trace = new List<double>();
        var traceStdErr = new List<double>();
        var tracePredicted = new List<double>();
        double remainder = 0;
        foreach (double value in grid)
        {
            var point = @case.WithSgd(Vary(@case.Sgd, parameter, value));
            var prediction = TangentDrift.At(point.Model, point.Theta, point.Data, point.Sgd);
            var experiment = ChainExperiment.Run(point, plan, prediction.Covariance);
            var along = VectorMeanEstimate.Projection(DriftMeasurement.RaoBlackwell(experiment).Samples, direction);
            var measuredTrace = MeanEstimate.Of(OuMeasurement.Stationary(experiment).Trace());
            x.Add(value);
            drift.Add(along.Mean);
            driftStdErr.Add(along.StdErr);
            driftPredicted.Add(Vectors.Dot(prediction.Exact, direction));
            trace.Add(measuredTrace.Mean);
            traceStdErr.Add(measuredTrace.StdErr);
            tracePredicted.Add(prediction.Covariance.Trace);
            double ouRemainder = prediction.Covariance.Trace == 0 ? 0
                : CovarianceRemainder.Of(point, prediction.Covariance, experiment.Result.SnapshotSteps).OfTrace() / prediction.Covariance.Trace;
            remainder = Math.Max(remainder, Math.Max(OffsetCorrection.RemainderAt(point, prediction), ouRemainder));
        }
        double slopeBias = 2 * remainder / Math.Log(grid.Max() / grid.Min());
        var (driftLeading, covarianceLeading) = LeadingExponents(parameter);
        return
        [
            JudgeSlope($"scaling_drift_{Name(parameter)}", @case.Name, x, drift, driftStdErr, driftPredicted, slopeBias, driftLeading),
            JudgeSlope($"scaling_ou_{Name(parameter)}", @case.Name, x, trace, traceStdErr, tracePredicted, slopeBias, covarianceLeading),
        ];
    }

    /// <summary>The leading-order exponents (drift, OU covariance) of docs/theory.md §2–§3.</summary>
    public static (double Drift, double Covariance) LeadingExponents(ScalingParameter parameter) => parameter switch
    {
        ScalingParameter.Eta => (2, 1),
        ScalingParameter.Sigma => (2, 2),
        _ => (-1, -1),
    };

    private static CheckResult JudgeSlope(string check, string caseName, List<double> x, List<double> measured,
        List<double> stdErr, List<double> predicted, double bias, double leading)
    {
        var fit = ExponentFit.Fit(x, measured, stdErr);
        var expected = ExponentFit.Fit(x, predicted, stdErr);
        return SuiteBudget.Budget.Judge(check, caseName, expected.Slope, fit.Slope, fit.SlopeStdErr, bias,
            $"log-log exponent over {x.Count} values {string.Join("/", x.Select(v => v.ToString("G3")))}; exact-S exponent {expected.Slope:F4}, leading order {leading}");
    }

    private static SgdProblem Vary(SgdProblem sgd, ScalingParameter parameter, double value) => parameter switch
    {
        ScalingParameter.Eta => sgd with { Eta = value },
        ScalingParameter.Sigma => sgd with { Sigma = value },
        _ => sgd with { Batch = (int)value },
    };

    private static string Name(ScalingParameter parameter) => parameter.ToString().ToLowerInvariant();
}
