using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// docs/theory.md §3 "Size of the finite-η correction": the leading-order drift <c>−(η²σ²/(4B)) P∇reg</c> is off by O(ηλ).
/// Along <c>û = d_exact/|d_exact|</c>, the measured <c>(m·û)/(d_lead·û) − 1</c> of the dynamic run equals the predicted
/// <c>|d_exact|/(d_lead·û) − 1</c> (<see cref="LeadingOrderOffset"/>), full batch and minibatch.
/// <para>
/// Error budget: the dynamic drift's along-check budget divided by <c>|d_lead·û|</c>:
/// <c>(z·SE + (K ||∇d|| + 100 λ_max(S))·|d|)/|d_lead·û|</c>, z ≈ 6.6 (<see cref="SuiteBudget"/>).
/// </para>
/// </summary>
public sealed class LeadingOrderOffsetProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) =>
        SimulationAssert.AllPass([StationaryRuns.Of(draw).JudgeLeadingOrderOffset()]);
}
