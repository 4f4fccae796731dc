using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// What <c>noisedrift simulate</c> measured (docs/theory.md §2–§3), beside the predictions it is compared with.
/// </summary>
/// <param name="Predicted">Every prediction at θ*.</param>
/// <param name="Plan">Pairs, steps, snapshot interval and seed of the run.</param>
/// <param name="Drift">Per-step tangent drift, Rao–Blackwell over antithetic pairs: mean and SE per component.</param>
/// <param name="DriftAlongPredicted">The measured drift along the unit vector of the exact prediction, with its SE.</param>
/// <param name="OuEigenvalues">Eigenvalues (ascending) of the mean per-pair second moment in normal coordinates.</param>
/// <param name="OuTrace">Its trace, with the SE over pairs.</param>
/// <param name="RegTrace">Chain-mean <c>reg</c> of the projected iterate at step 0 and each snapshot.</param>
/// <param name="RegChange">Per-step change of <c>reg(Proj_M θ)</c> from start to end, with the SE over pairs, and the
/// number of pairs whose states could all be projected onto M.</param>
/// <param name="Verdicts">The run's verdict rows with the check contract (docs/theory.md §2, §3.9–§3.10).</param>
public sealed record SimulationResult(
    PredictionSummary Predicted, RunPlan Plan, VectorMeanEstimate Drift, MeanEstimate DriftAlongPredicted,
    double[] OuEigenvalues, MeanEstimate OuTrace, IReadOnlyList<RegSample> RegTrace, (MeanEstimate Rate, int Pairs) RegChange,
    IReadOnlyList<CheckResult> Verdicts)
{
    /// <summary>The one-line note for chains that could not be projected onto M, or null when every chain could.</summary>
    public string? ProjectionNote()
    {
        var failed = RegTrace.Where(s => s.Unprojected > 0).ToList();
        if (failed.Count == 0 && RegChange.Pairs == Plan.Pairs) return null;
        string steps = string.Join(", ", failed.Select(s => $"{s.Unprojected} at step {s.Step}"));
        return $"noisedrift: note: some of the {2 * Plan.Pairs} chains could not be projected onto the zero-loss manifold " +
            $"({(steps.Length == 0 ? "none in the trace" : steps)}); reg averages the rest, and the reg change uses " +
            $"{RegChange.Pairs} of {Plan.Pairs} pairs";
    }
}
