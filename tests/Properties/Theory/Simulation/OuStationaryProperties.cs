using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// docs/theory.md §2 "Checks": over generated architectures, the empirical covariance of the normal coordinates
/// <c>Qᵀ(θ_k − θ*)</c> of label-noise SGD chains started from <c>N(0, S)</c> matches the exact stationary S: full batch
/// <c>S = (ησ²/n)(2I − ηG)⁻¹</c>, and minibatch S from the r² × r² second-moment system.
/// <para>
/// Error budget: for the variance along each eigenvector of S and for tr S,
/// <c>|measured − predicted| ≤ z·SE + 100 λ_max(S)·|predicted|</c> with z ≈ 6.6 (α = 1e-6 over 20,000 comparisons,
/// <see cref="SuiteBudget"/>). SE is the spread over independent antithetic pairs of each pair's time-averaged second
/// moment (snapshots within a chain are correlated, pairs are not). λ_max(S) = 1e-5, so the stated remainder is 0.1%.
/// </para>
/// </summary>
public sealed class OuStationaryProperties : TheoryFamilyProperties
{
    protected override void Check(TheoryDraw draw) => Judge(draw);

    private static void Judge(TheoryDraw draw)
    {
        var run = StationaryRuns.Of(draw);
        Assert.Equal(draw.IsMinibatch ? "minibatch exact" : "full-batch exact", run.Prediction.Covariance.Form);
        SimulationAssert.AllPass(run.JudgeOu("ou_stationary"));
    }
}
