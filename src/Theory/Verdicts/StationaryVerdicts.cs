using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The verdicts of a <see cref="StationaryExperiment"/> (docs/theory.md §2, §3, §5): its measurements judged against its
/// predictions with the remainders of docs/theory.md §3.5 — for S the <see cref="CovarianceRemainder"/> (stated fourth
/// order, derived T² change, mean offset), for the static drift the fourth order
/// <see cref="OffsetCorrection.FourthOrder(TheoryCase, Drift.DriftPrediction)"/>, and for the θ*-fixed dynamic drift the force's remainder ε₀
/// (<see cref="OffsetCorrection.RemainderAt(TheoryCase, Drift.DriftPrediction)"/>) plus the K-step base-point bias. The
/// experiment measures; this judges.
/// </summary>
public static class StationaryVerdicts
{
    /// <summary>
    /// The OU verdicts (one per eigen-direction, and the trace) against S, or against <paramref name="predicted"/>
    /// for a power test, with the remainder bias.
    /// </summary>
    public static IReadOnlyList<CheckResult> JudgeOu(this StationaryExperiment experiment, string check = "ou",
        OuCovariance? predicted = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var remainder = CovarianceRemainder.Of(experiment.Case, experiment.Prediction.Covariance,
            experiment.Chains.Result.SnapshotSteps);
        return OuVerdict.Judge(check, experiment.Case.Name, experiment.Ou, predicted ?? experiment.Prediction.Covariance, remainder);
    }

    /// <summary>
    /// The dynamic drift verdicts (along d and per component) against the exact drift, or against
    /// <paramref name="predicted"/> for a power test, with the remainder and the K-step bias.
    /// </summary>
    public static IReadOnlyList<CheckResult> JudgeDynamicDrift(this StationaryExperiment experiment,
        string check = "drift_dynamic", double[]? predicted = null, double? relativeBias = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return DriftVerdict.Judge(check, experiment.Case.Name, experiment.Drift, predicted ?? experiment.Prediction.Exact,
            relativeBias ?? DynamicBias(experiment));
    }

    /// <summary>The measured gap between the exact and the leading-order drift (docs/theory.md §3), with the dynamic bias.</summary>
    public static CheckResult JudgeLeadingOrderOffset(this StationaryExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return LeadingOrderOffset.Judge(experiment.Case.Name, experiment.Drift, experiment.Prediction, DynamicBias(experiment));
    }

    /// <summary>
    /// The static drift verdicts: <paramref name="pairs"/> i.i.d. antithetic <c>u ~ N(0, S)</c>, no dynamics, against
    /// the exact drift with the remainder bias (docs/theory.md §3, "Static check").
    /// </summary>
    public static IReadOnlyList<CheckResult> JudgeStaticDrift(this StationaryExperiment experiment, int pairs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return DriftVerdict.Judge("drift_static", experiment.Case.Name,
            DriftMeasurement.Static(experiment.Case, experiment.Prediction.Covariance, pairs, seed),
            experiment.Prediction.Exact, OffsetCorrection.FourthOrder(experiment.Case, experiment.Prediction));
    }

    /// <summary>The θ*-fixed dynamic drift's relative bias: ε₀ of docs/theory.md §3.5 plus the K-step bias <c>K ||∇d||</c>.</summary>
    public static double DynamicBias(this StationaryExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return OffsetCorrection.RemainderAt(experiment.Case, experiment.Prediction) + experiment.KStepBias;
    }
}
