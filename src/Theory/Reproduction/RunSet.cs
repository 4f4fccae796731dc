using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Everything one reproduction simulates from a common interpolating start (docs/theory.md §3): the label-noise chains,
/// the two controls and the slow flow, read at the same tracked steps <c>k</c> and flow times <c>t = η²σ²k/B</c>,
/// plus the flow at half of each tracked time (the "half-speed flow" wrong prediction of the power checks) and just
/// before each (<see cref="DerivativeStep"/>, for the flow's local rate <c>dv/dt</c> in the stated bias).
/// </summary>
public sealed record RunSet(Model Model, Dataset Data, ExperimentPlan Plan, ManifoldStart Start, double Tau,
    IReadOnlyDictionary<RunKind, TrackedRun> Runs, FlowTrack Flow)
{
    /// <summary>δ: the flow is also read at <c>(1 − δ)t</c>, so <c>t dv/dt ≈ (v(t) − v((1 − δ)t))/δ</c>.</summary>
    public const double DerivativeStep = 0.02;

    /// <summary>The tracked steps.</summary>
    public int[] Steps => Runs[RunKind.LabelNoise].Steps;

    /// <summary>The flow time of each tracked step, <c>t = η²σ²k/n</c> (full batch).</summary>
    public double[] Times => [.. Steps.Select(k => Plan.Sgd.SlowTime(k))];

    /// <summary>The flow time of the horizon K.</summary>
    public double Duration => Times[^1];

    /// <summary>The label-noise chains.</summary>
    public TrackedRun LabelNoise => Runs[RunKind.LabelNoise];

    /// <summary>
    /// Runs the three kinds, or those in <paramref name="kinds"/> (progress by chains), and integrates the flow to every
    /// tracked time t, t/2 and (1 − δ)t, and to the flow times in <paramref name="alsoAt"/> (for example T/4, for the
    /// horizon's truncation of docs/theory.md §4.2 "End state at the horizon").
    /// </summary>
    public static RunSet Simulate(Model model, Dataset data, ManifoldStart start, ExperimentPlan plan,
        IReadOnlyList<ProjectedObservable> observables, IProgress<double>? progress = null, IReadOnlyCollection<RunKind>? kinds = null,
        IEnumerable<double>? alsoAt = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(data);
        plan.Validate(data.Count);
        double tau = MatchedParameterNoise.Scale(model, start.Theta, data, plan.Sgd);
        var steps = TrackingSchedule.Of(plan);
        var times = steps.Select(k => plan.Sgd.SlowTime(k)).ToArray();
        var read = times.Concat(times.Select(t => t / 2)).Concat(times.Select(t => (1 - DerivativeStep) * t)).Concat(alsoAt ?? []).ToArray();
        // The flow needs nothing from the chains: it runs beside them (its result does not depend on the schedule).
        var flow = Task.Run(() => FlowTrack.Integrate(model, data, start.Theta, read, plan.FlowStep, observables));
        var runs = new Dictionary<RunKind, TrackedRun>();
        var run = kinds is null ? Enum.GetValues<RunKind>() : [.. Enum.GetValues<RunKind>().Where(kinds.Contains)];
        double weight = 0;
        var weights = run.Select(k => k == RunKind.PlainGd ? 2.0 : plan.Run.Chains).ToArray();
        double total = weights.Sum();
        for (int i = 0; i < run.Length; i++)
        {
            double offset = weight / total, share = weights[i] / total;
            var part = progress is null ? null : new ScaledProgress(progress, offset, share);
            runs[run[i]] = TrackedRun.Run(model, data, start.Theta, plan, run[i], tau, observables, part);
            weight += weights[i];
        }
        return new RunSet(model, data, plan, start, tau, runs, flow.GetAwaiter().GetResult());
    }

    /// <summary>The flow's local <c>t |dv/dt|</c> at tracked time <c>t_j</c>, from the reading at <c>(1 − δ)t_j</c>.</summary>
    public double FlowLogRate(string name, int j) =>
        Math.Abs(Flow.At(name, Times[j]) - Flow.At(name, (1 - DerivativeStep) * Times[j])) / DerivativeStep;

    /// <summary>The flow's values of an observable at the tracked times.</summary>
    public double[] FlowValues(string name) => [.. Times.Select(t => Flow.At(name, t))];

    /// <summary>An observable's estimate at the horizon for a run kind.</summary>
    public MeanEstimate Final(RunKind kind, string name) => Runs[kind].Final(name);
}
