using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Statistics;
using NoiseDrift.Theory.Verification;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Judges a tracked observable of the label-noise chains against the slow flow at the horizon (THEORY.md §3,
/// "Slow flow"), and the same measurement against the wrong predictions of the power checks (THEORY.md §5): the flow at
/// half speed (read at T/2), and the σ = 0 control's measurement in place of label noise.
/// <para>
/// Error budget: z·SE over independent chains, plus the stated bias
/// <c>(2|ρ − 1| + C λ_max(S) + b_run) · |Δ_flow|</c>: ρ is the finite-η ratio of the exact-S to the leading-order reg
/// change at the start (what the leading-order flow leaves out, as in <see cref="SlowFlowCheck"/>), C λ_max(S) the
/// higher-order remainder of <see cref="SuiteBudget"/>, and b_run a stated allowance for the base point moving over a
/// long run (the setting states it; the K-step bias of THEORY.md §3).
/// </para>
/// </summary>
public sealed class FlowComparison(RunSet runs, double relativeBias)
{
    /// <summary>The relative bias <c>2|ρ − 1| + C λ_max(S)</c> at the start, plus <paramref name="runAllowance"/>.</summary>
    public static double RelativeBias(RunSet runs, double runAllowance)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sgd = LabelNoiseSgd.FullBatch(runs.Plan.Eta, runs.Plan.Sigma, runs.Data.Count);
        var prediction = PredictedDrift.At(runs.Model, runs.Start.Theta, runs.Data, sgd);
        double rho = prediction.ExactRegChange / prediction.LeadingRegChange;
        return 2 * Math.Abs(rho - 1) + SuiteBudget.RemainderBound(prediction.Covariance) + runAllowance;
    }

    /// <summary>The relative bias used.</summary>
    public double Relative => relativeBias;

    /// <summary>The flow's value of an observable at the horizon T.</summary>
    public double Predicted(string name) => runs.Flow.At(name, runs.Duration);

    /// <summary>The stated bias bound for an observable, <c>relative · |Δ_flow|</c>.</summary>
    public double Bias(string name) => relativeBias * Math.Abs(Predicted(name) - runs.Flow.At(name, 0));

    /// <summary>Label-noise measurement at T against the flow at T.</summary>
    public CheckResult Judge(string check, string @case, string name, string detail) =>
        Judge(check, @case, name, runs.Final(RunKind.LabelNoise, name), Predicted(name), detail);

    /// <summary>A measurement against a prediction for the named observable, with this comparison's bias bound.</summary>
    public CheckResult Judge(string check, string @case, string name, MeanEstimate measured, double predicted, string detail) =>
        SuiteBudget.Budget.Judge(check, @case, predicted, measured.Mean, Finite(measured.StdErr), Bias(name), detail);

    /// <summary>
    /// The two power checks of a flow comparison (THEORY.md §5): the flow at half speed (its value at T/2) against the
    /// label-noise measurement, and the σ = 0 control's measurement against the flow.
    /// </summary>
    public IEnumerable<PowerResult> Power(string check, string @case, string name)
    {
        var measured = runs.Final(RunKind.LabelNoise, name);
        var gd = runs.Final(RunKind.PlainGd, name);
        yield return new PowerResult("flow at half speed",
            Judge(check, @case, name, measured, runs.Flow.At(name, runs.Duration / 2), "power: flow at half speed"));
        yield return new PowerResult("σ = 0 control in place of label noise",
            Judge(check, @case, name, gd, Predicted(name), "power: σ = 0 control"));
    }

    private static double Finite(double se) => double.IsFinite(se) ? se : 0;
}
