using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// docs/theory.md §3 "Static check of the formula itself": averaging <c>−η P ∇L(θ* ± u)</c> over i.i.d. antithetic
/// <c>u ~ N(0, S)</c> reproduces the exact-S drift <c>−η (1/n) Σ_i P H_i S g_i</c>, full batch and minibatch (B enters
/// through S alone). No dynamics: this checks the second-order algebra.
/// <para>
/// Error budget: along d/|d| and per component, <c>|measured − predicted| ≤ z·SE + 100 λ_max(S)·|d|</c>, z ≈ 6.6
/// (<see cref="SuiteBudget"/>); SE over the independent antithetic pairs. The odd orders cancel within a pair, so the
/// remainder is fourth order, relatively O(λ_max(S)) = O(1e-5).
/// </para>
/// </summary>
public sealed class StaticDriftProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) =>
        SimulationAssert.AllPass(StationaryRuns.Of(draw).JudgeStaticDrift(SimulationPlans.StaticPairs, SimulationPlans.Seed));
}
