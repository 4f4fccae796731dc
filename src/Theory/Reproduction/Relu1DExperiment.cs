using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The ReLU claim (docs/theory.md §4.2): label noise drives a two-layer ReLU network on 1-D data towards a simple
/// piecewise-linear interpolant. Per data set, asserted: reg of the projected label-noise iterates against the slow flow
/// (read where the flow stopped if J lost rank), at the horizon and where the flow changes most, and at horizons of
/// at least <see cref="LineHorizon"/> the end state on its own (<see cref="Relu1DEndStateRows"/>: h against the line,
/// its kinks, reg against the line's least reg, the balance of the active neurons), each with a derived bias and power
/// checks read where it reads; a row whose power check is not rejected is reported, not asserted. Plain GD keeping the
/// start's reg is a figure, not a verdict: ReLU is not smooth where a kink meets a data point, so GD can move there.
/// </summary>
public static class Relu1DExperiment
{
    /// <summary>The width m.</summary>
    public const int Width = 20;

    /// <summary>
    /// The least flow time at which the straight-line verdicts are judged: at the quick horizon the flow's reg is still
    /// far above the line's least reg, so a verdict's bias would swallow every wrong prediction (docs/reproduction.md
    /// records the measured distances). A property of the plan, never of the measured data.
    /// </summary>
    public const double LineHorizon = 20;


    /// <summary>
    /// The longest horizon K at which the isotropic control is run: its chains draw p = 61 Gaussians per step against
    /// the label noise's 6 and cost 2.3 times the label-noise chains (measured at t = 150: 62 of 91 CPU seconds), while
    /// no ReLU verdict reads it (the power alternatives are the start's function, σ = 0 and the half-speed flow). Beyond
    /// this horizon it is left out and the report says so.
    /// </summary>
    public const int IsotropicHorizon = 600_000;

    /// <summary>
    /// The horizon in flow time of the full run's collinear data set, longer than the generic set's t = 150: the
    /// end-state rows there (the line, its kinks, the balance) need the chains' dwell at kinks on data points to have
    /// ended, which takes longer than the flow's own convergence (docs/theory.md §4.2, "Kinks on data points").
    /// </summary>
    public const double CollinearHorizon = 450;

    /// <summary>The plan: η = 0.02, σ = 1, full batch (n = 6); quick K = 20,000 (t = 1.3), full K = 2,250,000 (t = 150).</summary>
    public static ExperimentPlan Plan(bool quick, ulong seed) => quick
        ? ExperimentPlan.FullBatch(0.02, Relu1DData.X.Length, 6, 20_000, 14, 100_000, 0.05, seed)
        : ExperimentPlan.FullBatch(0.02, Relu1DData.X.Length, 8, 2_250_000, 28, 100_000, 0.05, seed);

    /// <summary>The collinear data set's plan: the quick plan, or the full plan at <see cref="CollinearHorizon"/>.</summary>
    public static ExperimentPlan CollinearPlan(bool quick, ulong seed) => quick ? Plan(quick, seed) : Plan(seed, CollinearHorizon);

    /// <summary>
    /// The full plan at another horizon T in flow time (K = T n / (η²σ²), the same η, chains and flow step): beyond
    /// t = 150 it reads every step the full plan reads and goes on at the same log spacing
    /// (<see cref="TrackingSchedule.Continued"/>); below, it is log-spaced up to K. Also for diagnosing what label noise
    /// does at other horizons (docs/reproduction.md).
    /// </summary>
    public static ExperimentPlan Plan(ulong seed, double horizon)
    {
        var full = Plan(quick: false, seed);
        int steps = checked((int)Math.Round(horizon / full.Sgd.SlowTime(1)));
        return full with { Run = full.Run with { Steps = steps }, ScheduleBase = full.Run.Steps };
    }

    /// <summary>Runs both data sets on one plan (docs/theory.md §4.2).</summary>
    public static Relu1DReproduction Run(ExperimentPlan plan, IProgress<double>? progress = null) => Run(plan, plan, progress);

    /// <summary>Runs the collinear and the generic data set, each on its own plan (docs/theory.md §4.2).</summary>
    public static Relu1DReproduction Run(ExperimentPlan collinear, ExperimentPlan generic, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(collinear);
        ArgumentNullException.ThrowIfNull(generic);
        var sets = new[] { (Relu1DData.Collinear, collinear), (Relu1DData.Generic, generic) };
        // The data sets run at the same time: each one's chains fill one 8-lane block, so one set alone keeps one core busy.
        var results = new Relu1DCaseResult[sets.Length];
        var parts = progress is null ? null : new SummedProgress(progress, sets.Length);
        Parallel.For(0, sets.Length, new ParallelOptions { MaxDegreeOfParallelism = sets.Length },
            i => results[i] = RunCase(sets[i].Item1, sets[i].Item2, parts?.Part(i)));
        return new Relu1DReproduction(results);
    }

    private static Relu1DCaseResult RunCase(Relu1DData set, ExperimentPlan plan, IProgress<double>? progress)
    {
        var model = Mlp.Relu1D(Width);
        var data = set.Data;
        string name = $"relu1d m={Width} {set.Name}";
        var start = Start(set, plan);
        var observables = new ProjectedObservable[]
        {
            ProjectedObservable.Reg(model, data),
            new("spline_distance", t => Relu1DFunction.SplineDistance(t, data, Width)),
            new("interior_kinks", t => Relu1DFunction.InteriorKinks(t, data, Width)),
            new("data_point_kinks", t => Relu1DFunction.DataPointKinks(t, data, Width)),
            new("imbalance", t => Relu1DFunction.Imbalance(t, data, Width)),
            new("h0", t => Relu1DFunction.Value(new Settings.Relu1DSetting(Width, t, data), 0)),
        };
        var kinds = plan.Run.Steps <= IsotropicHorizon ? null : new[] { RunKind.LabelNoise, RunKind.PlainGd };
        double horizon = plan.Sgd.SlowTime(plan.Run.Steps);
        var runs = RunSet.Simulate(model, data, start, plan, observables, progress, kinds, [horizon / 4]);
        var flow = FlowComparison.AlongFlow(runs);
        var end = new Relu1DEndState(runs, flow.Relative);
        string at = $"label noise at k = {plan.Run.Steps} (t = {runs.Duration:G3}), {plan.Run.Chains} chains";
        // The mid-run comparison is asserted on collinear data only: on generic data a kink meets a data point early in
        // the run, where the first-order clock model of the bias fails; there it is reported (Relu1DCaseResult.Reported).
        var mid = flow.JudgeSteepest("relu_reg_vs_flow_mid", name, "reg", "reg of the projected label-noise iterate vs the slow flow");
        // At T the OU spread's second-order effect on the projected reg adds to the clock term (docs/theory.md §4.2).
        int last = flow.Last("reg"), steepest = flow.Steepest("reg");
        double spread = last == runs.Times.Length - 1 ? end.Spread(t => [end.Reg(t)]) : double.NaN;
        double bias = flow.Bias("reg") + (double.IsFinite(spread) ? spread : 0);
        var verdicts = new List<CheckResult>
        {
            FlowComparison.Judge("relu_reg_vs_flow", name, flow.Predicted("reg"), runs.LabelNoise.Values["reg"][last], bias,
                $"reg vs the slow flow at T, {at}; bias = clock {flow.Bias("reg"):G3} + OU spread {spread:G3}" + flow.EarlyReading("reg")),
        };
        var reported = new List<CheckResult>();
        (set.Slope is null ? reported : verdicts).Add(mid);
        // Past the flow's first rank loss the flow is not the theory's prediction (docs/theory.md §4.2, "Where the flow
        // is the prediction"): the comparison read before it is judged, the reading at T is reported.
        int horizonIndex = runs.Times.Length - 1;
        if (last < horizonIndex && !flow.Predicts(runs.Duration) && double.IsFinite(runs.Flow.At("reg", runs.Duration)))
        {
            double spreadT = end.Spread(t => [end.Reg(t)]);
            reported.Add(FlowComparison.Judge("relu_reg_vs_flow", name, runs.Flow.At("reg", runs.Duration), runs.LabelNoise.Values["reg"][horizonIndex],
                flow.Bias("reg", horizonIndex) + (double.IsFinite(spreadT) ? spreadT : 0), $"reg vs the slow flow at T, {at}, read after the flow's " +
                $"first rank loss, where the flow is not the theory's prediction: {runs.Flow.FirstRankLossDetail}"));
        }
        // Each verdict's power checks are read where it reads, with its own tolerance (issue 28).
        var power = flow.PowerAt("relu_reg_vs_flow", name, "reg", last, bias).ToList();
        if (set.Slope is not null) power.AddRange(flow.PowerAt("relu_reg_vs_flow_mid", name, "reg", steepest, flow.Bias("reg", steepest)));
        if (runs.Duration >= LineHorizon) Relu1DEndStateRows.Add(end, set, name, at, verdicts, power, reported);
        var (asserted, powered, blind) = PoweredVerdicts.Split(verdicts, power);
        reported.AddRange(blind);
        return new Relu1DCaseResult(set, runs, start.Rejected, flow.Relative, asserted, powered, reported);
    }

    /// <summary>The interpolating start of a data set for a plan's seed, with the draws rejected before it (docs/theory.md §4.2).</summary>
    public static ManifoldStart Start(Relu1DData set, ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(plan);
        var init = RandomStreams.Relu1DStart(plan.Run.Seed, set.Name == "collinear");
        return ManifoldStart.ByDescent(Mlp.Relu1D(Width), set.Data, attempt => Initial(init, attempt), plan.StartSteps, plan.Sgd.Eta);
    }

    /// <summary>w, b ~ N(0, 1), a ~ N(0, 1/m), c = 0.</summary>
    private static double[] Initial(ulong seed, int attempt)
    {
        var theta = new double[3 * Width + 1];
        for (int j = 0; j < 3 * Width; j++)
            theta[j] = CounterRandom.Gaussian(seed, attempt, 0, j) * (j >= 2 * Width ? 1 / Math.Sqrt(Width) : 1);
        return theta;
    }
}

/// <summary>One ReLU data set's simulations and verdicts (docs/theory.md §4.2).</summary>
/// <param name="Set">The data set.</param>
/// <param name="Runs">Its simulations.</param>
/// <param name="Rejected">Initialisations rejected because GD's limit was not a regular point of M.</param>
/// <param name="RelativeBias">The flow comparison's relative bias.</param>
/// <param name="Verdicts">Its verdict rows.</param>
/// <param name="Power">Its power checks.</param>
/// <param name="Reported">Comparisons reported as figures, not asserted: their bias model does not cover them, or they had no power
/// at their reading (<see cref="PoweredVerdicts"/>).</param>
public sealed record Relu1DCaseResult(Relu1DData Set, RunSet Runs, int Rejected, double RelativeBias, IReadOnlyList<CheckResult> Verdicts,
    IReadOnlyList<PowerResult> Power, IReadOnlyList<CheckResult> Reported);

/// <summary>The ReLU reproduction over both data sets (docs/theory.md §4.2).</summary>
public sealed record Relu1DReproduction(IReadOnlyList<Relu1DCaseResult> Cases)
    : Reproduction("relu1d", "label noise drives a two-layer ReLU network on 1-D data to a simple piecewise-linear interpolant",
        [.. Cases.SelectMany(c => c.Verdicts)], [.. Cases.SelectMany(c => c.Power)], CaseFigures(Cases))
{
    private static List<KeyValuePair<string, string>> CaseFigures(IReadOnlyList<Relu1DCaseResult> cases) =>
        [.. cases.SelectMany(c => new[]
        {
            Figure(c, "reg", "reg"),
            Figure(c, "max|h − spline| on the hull", "spline_distance"),
            Figure(c, "kinks of h inside the hull (|jump| > 0.05)", "interior_kinks"),
            Figure(c, "of which on a data point (within 0.05 of an interior x_i)", "data_point_kinks"),
            Figure(c, "mean |log balance ratio| of active neurons", "imbalance"),
            Figure(c, "h(0) (spline: " + (c.Set.Name == "collinear" ? "0.2" : "0.25") + ")", "h0"),
            RawFigure(c, "max|h − spline| on the hull", "spline_distance"),
            RawFigure(c, "kinks of h inside the hull (|jump| > 0.05)", "interior_kinks"),
            RawFigure(c, "mean |log balance ratio| of active neurons", "imbalance"),
            new KeyValuePair<string, string>($"{c.Set.Name}: flow-comparison relative bias 2ε̄ (|ρ − 1| along the flow, weighted by its reg change)", $"{c.RelativeBias:G3}"),
            new KeyValuePair<string, string>($"{c.Set.Name}: projections that failed (J lost rank), flow",
                $"{c.Runs.LabelNoise.ProjectionFailures} (replaced by the rank-tolerant retraction but {c.Runs.LabelNoise.TolerantFailures}); {(c.Runs.Flow.Stopped.Length == 0 ? "ran to T" : c.Runs.Flow.Stopped)}"),
            new KeyValuePair<string, string>($"{c.Set.Name}: slow flow at lost rank", c.Runs.Flow.RankLossSummary.Length == 0 ? "never: J kept full rank along the flow" : c.Runs.Flow.RankLossSummary),
            new KeyValuePair<string, string>($"{c.Set.Name}: slow flow at a kink on a data point", c.Runs.Flow.KinkSummary.Length == 0 ? "never: the retraction never stalled" : c.Runs.Flow.KinkSummary),
            new KeyValuePair<string, string>($"{c.Set.Name}: first failed projection", c.Runs.LabelNoise.FirstFailure.Length == 0 ? "none" : c.Runs.LabelNoise.FirstFailure),
        }.Concat(LineFigures(c)).Concat(c.Reported.Select(r => new KeyValuePair<string, string>($"{c.Set.Name}: reported, not asserted: {r.Check}",
            $"measured {r.Measured:G5} ± {r.StdErr:G2} vs flow {r.Predicted:G5}, tolerance {r.Tolerance:G3} ({(r.Pass ? "within" : "outside")}); {r.Detail}"))))];

    private static IEnumerable<KeyValuePair<string, string>> LineFigures(Relu1DCaseResult c)
    {
        if (c.Set.Slope is not double slope) yield break;
        var off = Relu1DLineCost.LeastOffData(Relu1DData.X, slope);
        var on = Relu1DLineCost.LeastOnData(Relu1DData.X, slope);
        yield return new($"{c.Set.Name}: least reg of the straight line",
            $"{off.Reg:G5} (cancelling pair at κ = {off.Kink:G3}, off the data); {on.Reg:G5} with the kink on the data point {on.Kink:G3}, where J loses rank");
    }

    /// <summary>An observable of the raw label-noise iterate θ_k (not projected) at the start and the horizon.</summary>
    private static KeyValuePair<string, string> RawFigure(Relu1DCaseResult c, string label, string name)
    {
        var raw = c.Runs.LabelNoise.RawValues[name];
        return new($"{c.Set.Name}: {label}, raw iterate", $"start {raw[0].Mean:G3} → label noise {raw[^1].Mean:G3} ± {raw[^1].StdErr:G2}");
    }

    private static KeyValuePair<string, string> Figure(Relu1DCaseResult c, string label, string name)
    {
        var ln = c.Runs.LabelNoise;
        var gd = c.Runs.Final(RunKind.PlainGd, name);
        string iso = c.Runs.Runs.ContainsKey(RunKind.IsotropicNoise) ? $", isotropic {c.Runs.Final(RunKind.IsotropicNoise, name).Mean:G3}" : "";
        return new($"{c.Set.Name}: {label}",
            $"start {ln.Initial(name).Mean:G3} → label noise {ln.Final(name).Mean:G3} ± {ln.Final(name).StdErr:G2}, flow {c.Runs.Flow.At(name, c.Runs.Duration):G3}, GD {gd.Mean:G3}{iso}");
    }

    /// <inheritdoc/>
    public override string Sentence => string.Join(" ", Cases.Select(c =>
        $"{c.Set.Name}: max|h − spline| on the hull went from {c.Runs.LabelNoise.Initial("spline_distance").Mean:G3} to " +
        $"{c.Runs.LabelNoise.Final("spline_distance").Mean:G3} (flow {c.Runs.Flow.At("spline_distance", c.Runs.Duration):G3}), " +
        $"kinks of h inside the hull {c.Runs.LabelNoise.Initial("interior_kinks").Mean:G3} → {c.Runs.LabelNoise.Final("interior_kinks").Mean:G3}."));
}
