using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Independent chains of one <see cref="RunKind"/> from a common start on M, read at the tracked steps through the
/// projection <c>Proj_M(θ_k)</c> (docs/theory.md §3, "Slow flow": the iterate is projected before <c>reg</c> is read).
/// A chain that cannot be projected (<see cref="ProjectedObservable.Project"/>: J loses rank when a ReLU neuron dies
/// or a kink crosses a data point, docs/theory.md §4.2) is counted and left out at that step, never a crash.
/// </summary>
/// <param name="Kind">The dynamics.</param>
/// <param name="Steps">The tracked steps k.</param>
/// <param name="Values">Per observable name, the mean over chains at each tracked step (NaN where no chain projected).</param>
/// <param name="Projected">The projected iterates, <c>[step][chain]</c>; null where the projection failed.</param>
/// <param name="ProjectionFailures">How many (step, chain) projections failed, and the first reason.</param>
/// <param name="FirstFailure">The first failure's message, or empty.</param>
public sealed record TrackedRun(RunKind Kind, int[] Steps, IReadOnlyDictionary<string, MeanEstimate[]> Values,
    double[]?[][] Projected, int ProjectionFailures, string FirstFailure)
{
    /// <summary>
    /// The chains of a run; plain GD, being deterministic, is one <see cref="DeterministicChain"/> read as two identical
    /// chains.
    /// </summary>
    public static TrackedRun Run(Model model, Dataset data, double[] start, ExperimentPlan plan, RunKind kind, double tau,
        IReadOnlyList<ProjectedObservable> observables, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(observables);
        var steps = TrackingSchedule.Of(plan);
        var settings = new SgdSettings(kind == RunKind.LabelNoise ? plan.Sgd : plan.Sgd with { Sigma = 0 },
            RandomStreams.RunKind(plan.Run.Seed, (int)kind))
        {
            ParameterNoise = kind == RunKind.IsotropicNoise ? tau : 0,
        };
        int chains = kind == RunKind.PlainGd ? 2 : plan.Run.Chains;
        var starts = Enumerable.Range(0, chains).Select(_ => (double[])start.Clone()).ToArray();
        var snapshots = kind == RunKind.PlainGd
            ? Replicate(DeterministicChain.Run(model, data, settings, start, steps).Snapshots, chains, progress)
            : ChainEnsemble.Run(model, data, settings, starts,
                new ChainEnsembleOptions(plan.Run.Steps) { CleanGradient = false, SnapshotSteps = steps, Progress = progress }).Snapshots;

        var projected = new double[]?[steps.Length][];
        int failures = 0, tolerantFailures = 0;
        string first = "";
        for (int s = 0; s < steps.Length; s++)
        {
            projected[s] = new double[]?[chains];
            for (int c = 0; c < chains; c++)
            {
                string failure = "";
                projected[s][c] = s == 0 ? (double[])start.Clone() : ProjectedObservable.Project(model, data, snapshots[s][c], out failure);
                if (projected[s][c] is not null) continue;
                failures++;
                if (first.Length == 0) first = $"step {steps[s]}, chain {c}: {failure}";
                projected[s][c] = TolerantProjection(model, data, snapshots[s][c], ref tolerantFailures);
            }
        }
        var values = observables.ToDictionary(o => o.Name, o => projected.Select(row => Mean(row, o)).ToArray());
        var raw = observables.ToDictionary(o => o.Name, o => snapshots.Select(row => Mean(row, o)).ToArray());
        return new TrackedRun(kind, steps, values, projected, failures, first) { RawValues = raw, TolerantFailures = tolerantFailures };
    }

    /// <summary>
    /// Per observable, the mean over chains of the raw iterate θ_k itself, not projected (docs/theory.md §4.2: label noise
    /// does not stop where M is not smooth, so its function is read where no projection exists). Empty when not read.
    /// </summary>
    public IReadOnlyDictionary<string, MeanEstimate[]> RawValues { get; init; } = new Dictionary<string, MeanEstimate[]>();

    /// <summary>Of the failed projections, those that the rank-tolerant retraction could not replace either.</summary>
    public int TolerantFailures { get; init; }

    /// <summary>
    /// Where <see cref="ProjectedObservable.Project"/> fails because J (nearly) lost rank, the damped Gauss–Newton retraction on
    /// the constraints that remain independent (<see cref="RankTolerantSlowFlow.Retract"/>), or null when that fails too.
    /// </summary>
    private static double[]? TolerantProjection(Model model, Dataset data, double[] theta, ref int failures)
    {
        try
        {
            return RankTolerantSlowFlow.Retract(model, data, (double[])theta.Clone());
        }
        catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
        {
            failures++;
            return null;
        }
    }

    /// <summary>The deterministic control's snapshots as <paramref name="chains"/> identical chains.</summary>
    private static double[][][] Replicate(double[][] snapshots, int chains, IProgress<double>? progress)
    {
        progress?.Report(1);
        return [.. snapshots.Select(theta => Enumerable.Range(0, chains).Select(_ => (double[])theta.Clone()).ToArray())];
    }

    /// <summary>The mean of an observable over the chains that projected (NaN, SE NaN when fewer than two did).</summary>
    private static MeanEstimate Mean(double[]?[] row, ProjectedObservable observable)
    {
        var samples = row.Where(t => t is not null).Select(t => observable.Of(t!)).Where(double.IsFinite).ToArray();
        if (samples.Length >= 2) return MeanEstimate.Of(samples);
        return new MeanEstimate(samples.Length == 1 ? samples[0] : double.NaN, double.NaN, samples.Length);
    }

    /// <summary>The estimate of an observable at the last tracked step.</summary>
    public MeanEstimate Final(string name) => Values[name][^1];

    /// <summary>The estimate of an observable at the first tracked step (the start).</summary>
    public MeanEstimate Initial(string name) => Values[name][0];
}
