using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// docs/theory.md §3 and §2 "Checks": the drift scales as η²σ²/B and the OU covariance as ησ²/B at leading order; the
/// fitted exponents must equal those of the exact-S predictions on the same grid. Error budget: z·SE of the weighted
/// log-log slope plus the remainder propagated to the slope. Power: the leading exponent ± 1 and its negation are
/// rejected.
/// </summary>
public sealed class ScalingTests
{
    private static readonly RunPlan Plan = RunPlan.Antithetic(300, 600, 20, Cases.Seed);

    [Theory]
    [InlineData(ScalingParameter.Sigma)]
    [InlineData(ScalingParameter.Eta)]
    [InlineData(ScalingParameter.Batch)]
    public void Drift_and_covariance_exponents_match(ScalingParameter parameter)
    {
        var @case = Cases.Tanh;
        double[] grid = parameter switch
        {
            ScalingParameter.Sigma => [@case.Sgd.Sigma / 2, @case.Sgd.Sigma, 2 * @case.Sgd.Sigma],
            ScalingParameter.Eta => [@case.Sgd.Eta / 2, @case.Sgd.Eta, 2 * @case.Sgd.Eta],
            _ => [1, 2, 3],
        };
        var results = ScalingCheck.Run(@case, Plan, parameter, grid);
        Verdicts.AllPass(results);
        var (drift, covariance) = ScalingCheck.LeadingExponents(parameter);
        var driftVerdict = results.Single(r => r.Check.StartsWith("scaling_drift", StringComparison.Ordinal));
        var ouVerdict = results.Single(r => r.Check.StartsWith("scaling_ou", StringComparison.Ordinal));
        Verdicts.Rejected(driftVerdict, -drift, "drift exponent negated");
        Verdicts.Rejected(driftVerdict, drift + 1, "drift exponent + 1");
        Verdicts.Rejected(driftVerdict, drift - 1, "drift exponent − 1");
        Verdicts.Rejected(ouVerdict, 2 * covariance, "covariance exponent × 2");
    }
}
