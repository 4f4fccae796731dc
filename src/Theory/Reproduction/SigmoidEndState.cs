using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Judges a sigmoid case's label-noise measurement at the horizon T against an end-state prediction (the slow flow's
/// limit, or a closed form), each on its own (docs/theory.md §4.3, "Bias bounds of the end-state verdicts"). The bias
/// bound of an observable is the sum of three derived terms: the flow's finite-η clock (<see cref="FlowComparison.Bias(string)"/>),
/// the horizon's truncation <c>|v_flow(T) − v_flow(∞)|</c> (the flow's own distance at T from its own limit, never from
/// the prediction judged), and the OU spread's second-order effect on the projected reading (<see cref="OuSpreadBias"/>).
/// </summary>
public sealed class SigmoidEndState(RunSet runs, FlowComparison flow, SigmoidFlowLimit limit, double[]? horizon,
    IReadOnlyList<ProjectedObservable> observables)
{
    /// <summary>The bias bound of an observable whose value at the flow's limit is <paramref name="atLimit"/>.</summary>
    public double Bias(string name, double atLimit)
    {
        ArgumentNullException.ThrowIfNull(name);
        double clock = name.Contains("share", StringComparison.Ordinal) ? AllocationClock() : flow.Bias(name);
        double truncation = Math.Abs(flow.Predicted(name) - atLimit);
        double spread = horizon is null ? double.NaN
            : OuSpreadBias.Of(runs.Model, runs.Data, runs.Plan.Sgd, horizon, observables.Single(o => o.Name == name));
        return clock + truncation + spread;
    }

    /// <summary>
    /// The clock term of a share: the finite-η correction bounds the drift's error in norm, not direction by direction, so a
    /// share's bias is the relative bias times the norm of the whole allocation's rate, <c>‖T dv/dt(T)‖₂</c> over the
    /// sorted shares (docs/theory.md §4.3).
    /// </summary>
    public double AllocationClock()
    {
        int m = observables.Count(o => o.Name.StartsWith("share_", StringComparison.Ordinal));
        int last = runs.Times.Length - 1;
        return flow.Relative * Math.Sqrt(Enumerable.Range(0, m).Sum(j => Math.Pow(runs.FlowLogRate($"share_{j}", last), 2)));
    }

    /// <summary>
    /// The label-noise measurement at T against <paramref name="predicted"/>, with <see cref="Bias"/> plus
    /// <paramref name="extraBias"/> (the bias of a derived correction already in the prediction).
    /// </summary>
    public CheckResult Judge(string check, string @case, string name, double predicted, double atLimit, string detail, double extraBias = 0) =>
        JudgeMeasured(check, @case, name, predicted, atLimit, runs.LabelNoise.Final(name), detail, extraBias);

    /// <summary>A given measurement (e.g. the σ = 0 control's) against <paramref name="predicted"/>, as <see cref="Judge"/>.</summary>
    public CheckResult JudgeMeasured(string check, string @case, string name, double predicted, double atLimit, MeanEstimate measured,
        string detail, double extraBias = 0) =>
        FlowComparison.Judge(check, @case, predicted, measured, Bias(name, atLimit) + extraBias, detail);

    /// <summary>
    /// The sorted shares at T against <paramref name="predicted"/> sorted shares, component by component, each with its
    /// own bias (the flow's limit <see cref="SigmoidFlowLimit.Limit"/> sets the truncation); the row is the worst
    /// component (<see cref="WorstComponent"/>).
    /// </summary>
    public CheckResult Allocation(string check, string @case, double[] predicted, string detail)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        var rows = predicted.Select((p, j) => Judge(check, @case, $"share_{j}", p, limit.Limit[j], $"{detail}; share rank {j + 1} of {predicted.Length} (the worst)")).ToList();
        return rows[WorstComponent.Of(rows)];
    }

    /// <summary>The carriers' truncation: how many carriers the flow at T differs from its limit by.</summary>
    public double CarrierTruncation(int limitCarriers, double y, int m) =>
        horizon is null ? double.NaN : Math.Abs(SigmoidShares.Carriers(SigmoidShares.Of(horizon, SigmoidCase.X, m), y) - limitCarriers);
}
