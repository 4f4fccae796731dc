using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.SlowFlow;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The slow flow <c>dθ/dt = −¼ P∇reg</c> (docs/theory.md §3) from the reproduction's start, read at given flow times, with
/// the observables evaluated along it. Integrated interval by interval with <see cref="RiemannianSlowFlow"/>. When
/// its retraction fails (J loses rank, docs/theory.md §4.2), the interval and every later one run with
/// <see cref="RankTolerantSlowFlow"/> on the constraints that remain independent, and the steps at lost rank are kept;
/// only when that retraction fails too does the flow stop and say so (later times read NaN).
/// </summary>
/// <param name="Times">The flow times read, ascending, starting at 0.</param>
/// <param name="Thetas">θ(t) at each time (null after a stop).</param>
/// <param name="Values">Per observable, its value along the flow (NaN after a stop).</param>
/// <param name="Stopped">Why and when the flow stopped, or empty.</param>
public sealed record FlowTrack(double[] Times, double[]?[] Thetas, IReadOnlyDictionary<string, double[]> Values, string Stopped)
{
    /// <summary>
    /// Integrates to every time in <paramref name="times"/> with Heun steps no longer than <paramref name="maxStep"/>,
    /// taking at most <paramref name="kinkBudget"/> steps at kinks on data points (docs/theory.md §4.2).
    /// </summary>
    public static FlowTrack Integrate(Model model, Dataset data, double[] start, IEnumerable<double> times, double maxStep,
        IReadOnlyList<ProjectedObservable> observables, int kinkBudget = RankTolerantSlowFlow.KinkBudget)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observables);
        var sorted = times.Append(0).Distinct().Order().ToArray();
        var thetas = new double[]?[sorted.Length];
        thetas[0] = (double[])start.Clone();
        string stopped = "";
        var losses = new List<RankLoss>();
        var kinks = new List<KinkStep>();
        for (int j = 1; j < sorted.Length && stopped.Length == 0; j++)
        {
            double span = sorted[j] - sorted[j - 1];
            int steps = Math.Max(1, (int)Math.Ceiling(span / maxStep));
            try
            {
                if (losses.Count == 0)
                {
                    try
                    {
                        thetas[j] = RiemannianSlowFlow.Integrate(model, thetas[j - 1]!, data, span, steps, steps).Final;
                        continue;
                    }
                    catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
                    {
                        // J lost rank in this interval (docs/theory.md §4.2): from its start on, the flow runs on the
                        // constraints that remain independent.
                        losses.Add(new RankLoss(sorted[j - 1], -1, []));
                    }
                }
                var (final, lost, stalls) = RankTolerantSlowFlow.Integrate(model, thetas[j - 1]!, data, sorted[j - 1], span, steps,
                    kinkBudget - kinks.Count);
                thetas[j] = final;
                losses.AddRange(lost);
                kinks.AddRange(stalls);
            }
            catch (KinkBudgetExceededException e)
            {
                losses.AddRange(e.Losses);
                kinks.AddRange(e.Kinks);
                stopped = $"the slow flow stopped between t = {sorted[j - 1]:G4} and t = {sorted[j]:G4}: {e.Message}, after {kinks.Count} steps at kinks";
            }
            catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
            {
                stopped = $"the slow flow stopped between t = {sorted[j - 1]:G4} and t = {sorted[j]:G4}: {e.Message}";
            }
        }
        var values = observables.ToDictionary(o => o.Name,
            o => thetas.Select(t => t is null ? double.NaN : o.Of(t)).ToArray());
        return new FlowTrack(sorted, thetas, values, stopped) { RankLosses = [.. losses.Where(l => l.Rank >= 0)], KinkSteps = kinks, TolerantFrom = losses.Count == 0 ? double.NaN : losses[0].Time };
    }

    /// <summary>The flow's steps taken at lost rank, in order (empty when J kept full rank along the flow).</summary>
    public IReadOnlyList<RankLoss> RankLosses { get; init; } = [];

    /// <summary>The flow's steps whose retraction stalled at a kink on a data point and went on along the affine block.</summary>
    public IReadOnlyList<KinkStep> KinkSteps { get; init; } = [];

    /// <summary>The flow time from which the flow ran on the independent constraints (NaN if it never had to).</summary>
    public double TolerantFrom { get; init; } = double.NaN;

    /// <summary>
    /// The flow time of its first step where M is not a smooth manifold of codimension n: the first step taken at lost
    /// rank or whose retraction stalled at a kink on a data point (+∞ when neither happened). From there on the flow
    /// is a construction of ours, not the theory's prediction (docs/theory.md §4.2, "Where the flow is the prediction").
    /// </summary>
    public double FirstRankLoss => Math.Min(RankLosses.Count == 0 ? double.PositiveInfinity : RankLosses[0].Time,
        KinkSteps.Count == 0 ? double.PositiveInfinity : KinkSteps[0].Time);

    /// <summary>When and where <see cref="FirstRankLoss"/> happened, for a row's detail; empty when it never did.</summary>
    public string FirstRankLossDetail
    {
        get
        {
            if (double.IsPositiveInfinity(FirstRankLoss)) return "";
            var c = System.Globalization.CultureInfo.InvariantCulture;
            if (RankLosses.Count > 0 && RankLosses[0].Time == FirstRankLoss)
                return $"J lost rank at t = {FirstRankLoss:G4} (rank {RankLosses[0].Rank}, dependent rows at x = {string.Join(", ", RankLosses[0].Inputs.Select(x => x.ToString("G3", c)))})";
            return $"the flow met a kink on a data point at t = {FirstRankLoss:G4} (x = {string.Join(", ", KinkSteps[0].Inputs.Select(x => x.ToString("G3", c)))})";
        }
    }

    /// <summary>When and where the flow crossed lost rank, for the report; empty when it never did.</summary>
    public string RankLossSummary => RankLosses.Count == 0
        ? (double.IsNaN(TolerantFrom) ? "" : $"the regular flow failed in the interval from t = {TolerantFrom:G4} (near-singular J); the tolerant flow kept full rank")
        : $"J lost rank on {RankLosses.Count} flow steps, first at t = {RankLosses[0].Time:G4} (rank {RankLosses[0].Rank}, " +
          $"dependent rows at x = {string.Join(", ", RankLosses[0].Inputs.Select(x => x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}), " +
          $"last at t = {RankLosses[^1].Time:G4}; the flow went on along the remaining constraints";

    /// <summary>When and where the flow's retraction stalled at a kink on a data point, for the report; empty when it never did.</summary>
    public string KinkSummary => KinkSteps.Count == 0 ? ""
        : $"the retraction stalled at a kink on a data point on {KinkSteps.Count} flow steps, first at t = {KinkSteps[0].Time:G4} " +
          $"(largest residual at x = {string.Join(", ", KinkSteps[0].Inputs.Select(x => x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}), " +
          $"last at t = {KinkSteps[^1].Time:G4} (x = {string.Join(", ", KinkSteps[^1].Inputs.Select(x => x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}); " +
          "each time one least-squares step along the output layer solved the constraints and the flow went on";

    /// <summary>The value of an observable at flow time t (one of <see cref="Times"/>, up to rounding).</summary>
    public double At(string name, double time) => Values[name][IndexOf(time)];

    /// <summary>θ at flow time t (one of <see cref="Times"/>), or null after a stop.</summary>
    public double[]? ThetaAt(double time) => Thetas[IndexOf(time)];

    private int IndexOf(double time)
    {
        int best = 0;
        for (int j = 1; j < Times.Length; j++)
            if (Math.Abs(Times[j] - time) < Math.Abs(Times[best] - time)) best = j;
        return best;
    }
}
