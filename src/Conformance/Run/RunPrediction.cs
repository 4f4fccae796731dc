using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// What a step rule predicts for a <see cref="RunCase"/> (THEORY.md §2–§3): the K-step normal covariance <c>S_K</c>
/// (transient OU from <c>u_0 = 0</c>) and the K-step mean tangent displacement
/// <c>E[P(θ_K − θ*)] = −η′ (1/n) Σ_i P H_i Q (Σ_{k&lt;K} S_k) a_i</c> (the exact-S drift summed over the transient;
/// it is linear in S).
/// </summary>
/// <param name="Rule">The step rule.</param>
/// <param name="Covariance"><c>S_K</c> in normal coordinates.</param>
/// <param name="Displacement">The K-step mean tangent displacement (p).</param>
/// <param name="RelativeBias">The stated relative remainder: <see cref="SuiteBudget.RemainderBound"/> of <c>S_K</c>.</param>
public sealed record RunPrediction(StepRule Rule, OuCovariance Covariance, double[] Displacement, double RelativeBias)
{
    /// <summary>The prediction of <paramref name="rule"/> at the run case's θ*.</summary>
    public static RunPrediction Of(RunCase run, NormalFrame frame, StepRule rule)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rule);
        var c = run.Case;
        var (final, sum) = rule.Moments(frame, c.Sgd, run.Run.Steps);
        var covariance = OuCovariance.Of(final, $"{rule.Name} transient k={run.Run.Steps}");
        var displacement = TangentDrift.Exact(c.Model.Engine, c.Theta, c.Data, frame, OuCovariance.Of(sum, "sum"),
            c.Eta * rule.EtaFactor);
        return new RunPrediction(rule, covariance, displacement, SuiteBudget.RemainderBound(covariance));
    }
}
