using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The <c>drift_dynamic_*</c> rows at next order (docs/theory.md §3.10): the Rao–Blackwell drift of a K-step window
/// from the stationary start is judged against the window average of the corrected drift, <c>(1/K) Σ_k d′(m_k)</c>
/// (the tangent part of <c>θ̄_K − θ*</c> over K, <see cref="MeanPath"/>). The mean path moves the base point as the
/// chains do, so the bias is the stated remainder <see cref="OffsetCorrection.Remainder(double, double)"/> alone, without the K-step
/// term of the θ*-fixed prediction.
/// </summary>
public static class CorrectedDrift
{
    /// <summary>The corrected window-averaged drift of the experiment's window and its relative remainder.</summary>
    public static (double[] Drift, double RelativeBias) Predict(StationaryExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var correction = OffsetCorrection.Predict(experiment.Case, experiment.Prediction, [experiment.Plan.Steps]);
        var drift = correction.AverageDrift(0);
        var exact = experiment.Prediction.Exact;
        var gap = drift.Zip(exact, (a, b) => a - b).ToArray();
        double size = Vectors.Norm(drift);
        double relative = size == 0 ? 0 : correction.BaseRemainder * (Vectors.Norm(exact) + Vectors.Norm(gap)) / size;
        return (drift, relative);
    }

    /// <summary>The <c>drift_dynamic_along</c> and <c>drift_dynamic_components</c> rows against the corrected drift.</summary>
    public static IReadOnlyList<CheckResult> Judge(StationaryExperiment experiment)
    {
        var (drift, relative) = Predict(experiment);
        return [.. experiment.JudgeDynamicDrift("drift_dynamic", drift, relative).Select(Resolvability.Assess)];
    }
}
