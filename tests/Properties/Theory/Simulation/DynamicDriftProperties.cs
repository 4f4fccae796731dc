using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// docs/theory.md §3 "Exact-S drift per step": real label-noise SGD chains from the stationary law drift along M, per step,
/// by <c>E[P(θ_{k+1} − θ_k)] = −η (1/n) Σ_i P H_i S g_i</c> with the exact S, in direction and size, full batch and
/// minibatch. Measured by Rao–Blackwell, <c>−η P (1/K) Σ_k ∇L(θ_k)</c>, one sample per antithetic pair.
/// <para>
/// Error budget: along d/|d| and per component, <c>|measured − predicted| ≤ z·SE + (K ||∇d|| + 100 λ_max(S))·|d|</c>,
/// z ≈ 6.6 (<see cref="SuiteBudget"/>): the K-step base-point bias of §3 "K steps"
/// (<see cref="NoiseDrift.Theory.Drift.KStepDisplacement"/>) plus the stated remainder. SE over independent pairs.
/// </para>
/// </summary>
public sealed class DynamicDriftProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) => SimulationAssert.AllPass(StationaryRuns.Of(draw).JudgeDynamicDrift());
}
