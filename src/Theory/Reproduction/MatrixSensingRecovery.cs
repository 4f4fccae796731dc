using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// <c>ms_recovery</c> (docs/theory.md §4.1): the label-noise test error at the horizon T judged
/// on its own against the end state. When the dual certificate holds, the end state is X* and the prediction is 0;
/// otherwise the prediction is the slow flow's limit (the flow integrated <see cref="MatrixSensingExperiment.LimitSpan"/>
/// past T). The bias bound is the sum of three derived terms, none of them the flow's distance from the target:
/// the transient <c>|v'(T)|/c</c> (v the flow's test error, c the flow's rate across the limit's range at T), the
/// finite-η clock <c>b·T|v'(T)|</c> of <see cref="FlowComparison"/>, and the chains' spread
/// <c>√(mean_c ‖X_c − X̄‖²_F)/‖X*‖_F</c> (a mean of norms exceeds the norm of the mean by at most that).
/// Power: the GD start's error, and the σ = 0 and isotropic controls' measurements, each in place of label noise and
/// judged against the same prediction with the same tolerance. None of them reads the label-noise measurement, so
/// whether the row is asserted (<see cref="PoweredVerdicts"/>) cannot depend on it: a label noise that does not move
/// the chains leaves the row asserted, and red.
/// </summary>
/// <param name="Verdict">The row.</param>
/// <param name="Power">Its power checks.</param>
/// <param name="Budget">The three bias terms, for the report.</param>
public sealed record MatrixSensingRecovery(CheckResult Verdict, IReadOnlyList<PowerResult> Power, string Budget)
{
    /// <summary>The check name.</summary>
    public const string Check = "ms_recovery";

    /// <summary>Judges the label-noise chains of <paramref name="runs"/> at the comparison's reading.</summary>
    public static MatrixSensingRecovery Judge(RunSet runs, FlowComparison flow, MatrixSensingProblem truth,
        MatrixSensingCertificate certificate, string caseName, IReadOnlyList<ProjectedObservable> observables)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(certificate);
        const string name = "test_error";
        int j = flow.Last(name);
        double t = runs.Times[j];
        var thetaT = runs.Flow.ThetaAt(t) ?? runs.Start.Theta;
        double target = 0, rate;
        string against;
        if (certificate.Certified)
        {
            rate = MatrixSensingCertificate.FlowRate(truth, thetaT);
            against = "X* (certified), predicted 0";
        }
        else
        {
            var limit = FlowTrack.Integrate(runs.Model, runs.Data, thetaT, [MatrixSensingExperiment.LimitSpan], MatrixSensingExperiment.LimitStep, observables);
            var end = limit.ThetaAt(MatrixSensingExperiment.LimitSpan) ?? thetaT;
            target = limit.At(name, MatrixSensingExperiment.LimitSpan);
            rate = MatrixSensingCertificate.FlowRate(truth, thetaT, MatrixSensingCertificate.NullSpaceOf(truth.Size, end));
            against = $"the slow flow's limit (X* not certified; flow at t = {t + MatrixSensingExperiment.LimitSpan:G3})";
        }
        double slope = runs.FlowLogRate(name, j) / t;
        double transient = rate > 0 ? slope / rate : double.NaN;
        double clock = flow.Bias(name);
        double spread = Spread(runs, j, truth);
        double bias = transient + clock + spread;
        string budget = $"{transient:G3} + {clock:G3} + {spread:G3} (c = {rate:G3}, |v'(T)| = {slope:G3})";
        var measured = runs.LabelNoise.Values[name][j];
        string detail = $"label-noise test error at t = {t:G3} vs {against}; bias {budget}";
        if (!double.IsFinite(bias))
        {
            // No positive rate: the transient has no bound, so the row cannot be judged on its own; it is reported
            // with no power (PoweredVerdicts moves it to the figures).
            var unjudged = new CheckResult(Check, caseName, target, measured.Mean, measured.StdErr, SuiteBudget.Budget.Z, 0, false,
                detail + "; the flow's rate is not positive");
            return new MatrixSensingRecovery(unjudged, [new PowerResult("no rate", unjudged with { Pass = true })], budget);
        }
        var verdict = SuiteBudget.Budget.Judge(Check, caseName, target, measured.Mean, Finite(measured.StdErr), bias, detail);
        var gd = runs.Runs[RunKind.PlainGd].Values[name][j];
        var iso = runs.Runs[RunKind.IsotropicNoise].Values[name][j];
        var power = new List<PowerResult>
        {
            SuiteBudget.Budget.PowerCheck(Check, caseName, "the GD start's error in place of label noise",
                target, runs.LabelNoise.Values[name][0].Mean, Finite(measured.StdErr), bias),
            SuiteBudget.Budget.PowerCheck(Check, caseName, "σ = 0 control in place of label noise", target, gd.Mean, Finite(gd.StdErr), bias),
            SuiteBudget.Budget.PowerCheck(Check, caseName, "isotropic noise in place of label noise", target, iso.Mean, Finite(iso.StdErr), bias),
        };
        return new MatrixSensingRecovery(verdict, power, budget);
    }

    /// <summary>
    /// <c>√(mean_c ‖X_c − X̄‖²_F)/‖X*‖_F</c> over the chains projected at tracked index j, <c>X_c = U_cU_cᵀ</c>.
    /// </summary>
    public static double Spread(RunSet runs, int j, MatrixSensingProblem truth)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(truth);
        int d = truth.Size;
        var products = runs.LabelNoise.Projected[j].OfType<double[]>().Select(theta =>
        {
            var u = Matrix<double>.Build.DenseOfRowMajor(d, theta.Length / d, theta);
            return u * u.Transpose();
        }).ToList();
        if (products.Count == 0) return double.NaN;
        var mean = products.Aggregate((a, b) => a + b) / products.Count;
        double scatter = products.Average(x => Math.Pow((x - mean).FrobeniusNorm(), 2));
        return Math.Sqrt(scatter) / Math.Sqrt(truth.GroundTruth.Sum(v => v * v));
    }

    private static double Finite(double se) => double.IsFinite(se) ? se : 0;
}
