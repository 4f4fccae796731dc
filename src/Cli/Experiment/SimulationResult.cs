using NoiseDrift.Theory;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Cli.Experiment;

/// <summary>
/// What <c>noisedrift simulate</c> measured (THEORY.md §2–§3), beside the predictions it is compared with.
/// </summary>
/// <param name="Predicted">Every prediction at θ*.</param>
/// <param name="Plan">Pairs, steps, snapshot interval and seed of the run.</param>
/// <param name="Drift">Per-step tangent drift, Rao–Blackwell over antithetic pairs: mean and SE per component.</param>
/// <param name="DriftAlongPredicted">The measured drift along the unit vector of the exact prediction, with its SE.</param>
/// <param name="OuEigenvalues">Eigenvalues (ascending) of the mean per-pair second moment in normal coordinates.</param>
/// <param name="OuTrace">Its trace, with the SE over pairs.</param>
/// <param name="RegTrace">Chain-mean <c>reg</c> of the projected iterate at step 0 and each snapshot.</param>
/// <param name="RegChange">Per-step change of <c>reg(Proj_M θ)</c> from start to end, with the SE over pairs.</param>
public sealed record SimulationResult(
    PredictionSummary Predicted, SimulationPlan Plan, VectorMeanEstimate Drift, MeanEstimate DriftAlongPredicted,
    double[] OuEigenvalues, MeanEstimate OuTrace, IReadOnlyList<RegSample> RegTrace, MeanEstimate RegChange);
