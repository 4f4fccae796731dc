using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// docs/theory.md §3 "Slow flow" and "Stability": label-noise SGD projected to M tracks reg along
/// dθ/dt = −¼P∇reg with t = η²σ²k/B (one short case by default, t = 1 in the deep tier); where the flow converges the
/// drift vanishes. Error budget: z·SE over pairs plus (2|ρ − 1| + 100 λ_max(S))·|Δreg|, ρ the finite-η ratio.
/// </summary>
public sealed class SlowFlowTests
{
    [Fact]
    public void Sgd_tracks_reg_along_the_slow_flow()
    {
        var named = Cases.Tanh;
        var @case = named.WithSgd(named.Sgd with { Eta = named.Sgd.Eta / 4 }).WithOuScale(1e-4);
        var results = SlowFlowCheck.Run(@case, Tier.Pick(0.1, 1.0), Tier.Pick(16, 32), 5, Cases.Seed);
        Verdicts.AllPass(results);
        var final = results[0];
        Assert.True(final.Measured < 0 && final.Predicted < 0, "reg must decrease along both");
        Verdicts.Rejected(final, 2 * final.Predicted, "flow × 2");
        Verdicts.Rejected(final, final.Predicted / 2, "flow ÷ 2");
    }

    [Fact]
    public void Drift_vanishes_where_the_slow_flow_has_converged()
    {
        var results = FlowLimitCheck.Run(Cases.Converging, 150, 600, RunPlan.Antithetic(300, 1000, 0, Cases.Seed));
        Verdicts.AllPass(results);
        Verdicts.ObeyTheRule(results);
    }
}
