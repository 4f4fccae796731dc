using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// What a step rule predicts for K steps from θ* ∈ M (docs/theory.md §2–§3): the K-step normal covariance <c>S_K</c>
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
        var c = run.Case;
        var model = c.Model.Engine;
        var ws = model.CreateWorkspace(c.Count);
        return Of(frame, c.Sgd, run.Run.Steps, rule,
            (i, direction, product) => model.HessianVector(c.Theta, c.Data.Row(i), direction, product, ws));
    }

    /// <summary>
    /// The prediction of <paramref name="rule"/> for K = <paramref name="steps"/> steps of <paramref name="sgd"/> from
    /// the θ* of <paramref name="frame"/>, with <c>H_i v</c> from <paramref name="hessianVector"/> (any model, also
    /// one the suite does not own).
    /// </summary>
    public static RunPrediction Of(NormalFrame frame, SgdProblem sgd, int steps, StepRule rule,
        Action<int, double[], double[]> hessianVector)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(hessianVector);
        var (final, sum) = rule.Moments(frame, sgd, steps);
        var covariance = OuCovariance.Of(final, $"{rule.Name} transient k={steps}");
        var displacement = TangentDrift.Exact(frame, OuCovariance.Of(sum, "sum"), sgd.Eta * rule.EtaFactor, hessianVector);
        return new RunPrediction(rule, covariance, displacement, SuiteBudget.RemainderBound(covariance));
    }

    /// <summary>
    /// The covariance part only (an empty <see cref="Displacement"/>), which is all <see cref="RunPower"/> reads: it
    /// needs no Hessian-vector product, so run plans can be compared for power before any is asked for.
    /// </summary>
    public static RunPrediction CovarianceOnly(NormalFrame frame, SgdProblem sgd, int steps, StepRule rule)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(rule);
        var covariance = OuCovariance.Of(rule.Moments(frame, sgd, steps).Final, $"{rule.Name} transient k={steps}");
        return new RunPrediction(rule, covariance, [], SuiteBudget.RemainderBound(covariance));
    }
}
