using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The verdicts of a <see cref="StationaryExperiment"/> (docs/theory.md §2, §3, §5): its measurements judged against its
/// predictions with its stated biases — the higher-order remainder <c>C λ_max(S)</c> for S and the static drift, and
/// that remainder plus the K-step base-point bias for the dynamic drift. The experiment measures; this judges.
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
        return OuVerdict.Judge(check, experiment.Case.Name, experiment.Ou, predicted ?? experiment.Prediction.Covariance,
            experiment.RemainderBias);
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
            relativeBias ?? experiment.DynamicBias);
    }

    /// <summary>The measured gap between the exact and the leading-order drift (docs/theory.md §3), with the dynamic bias.</summary>
    public static CheckResult JudgeLeadingOrderOffset(this StationaryExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return LeadingOrderOffset.Judge(experiment.Case.Name, experiment.Drift, experiment.Prediction, experiment.DynamicBias);
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
            experiment.Prediction.Exact, experiment.RemainderBias);
    }
}
