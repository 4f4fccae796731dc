using NoiseDrift.Conformance.Run;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Conformance.Own;

/// <summary>A run plan of <see cref="OwnRunCheck"/>: the SGD problem, the chain count, the prediction and its power.</summary>
/// <param name="Sgd">η, σ, B.</param>
/// <param name="Chains">C.</param>
/// <param name="Predicted">The correct rule's prediction.</param>
/// <param name="Power">The power of the run rows against each wrong rule (empty when not computed).</param>
public sealed record RunPlan(SgdProblem Sgd, int Chains, RunPrediction Predicted, IReadOnlyList<RunPower> Power);
