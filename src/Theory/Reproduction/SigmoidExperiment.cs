using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The sigmoid claim (docs/theory.md §4.3): on one point, label noise drives the shares <c>v_j</c> to an allocation that
/// minimises <c>Σφ(v_j)</c> locally — which one depends on the start. The end state is predicted from the dynamics: the
/// limit of the slow flow from the start (<see cref="SigmoidFlowLimit"/>, with its convergence criterion and the
/// second-order test of reg restricted to M), and its closed form is the critical allocation of Σφ nearest that limit.
/// Per case: the measured allocation against the flow's limit, the number of carriers, the largest share and reg against
/// the closed form (each judged on its own, with the bias bounds of docs/theory.md §4.3), and reg against the slow flow;
/// plain GD keeps the start's reg. A case whose flow did not converge, or whose horizon is not yet in the limit's
/// basin, reports its end-state rows as figures instead of asserting them.
/// </summary>
public static class SigmoidExperiment
{
    /// <summary>
    /// The cases: one carrier from near-equal shares with random activations (q = 18 &gt; m = 4, where the equal split is
    /// not a local minimum); the equal split for small q from spread shares (q = 1.28 &lt; m = 4); the equal split as a
    /// local minimum from a near-equal start with a common activation (q = 18 &gt; m = 8, u = 0.53 &lt; 1/√3); and the
    /// start the old share rule gets wrong: near-equal shares, all in φ's convex range, with random activations (m = 8),
    /// which the rule sends to the equal split and the flow sends to one carrier.
    /// </summary>
    public static readonly SigmoidCase[] Cases =
    [
        new(3, 4, NearEqualStart: true, RandomActivations: true),
        new(0.8, 4, RandomActivations: true),
        new(3, 8, NearEqualStart: true),
        new(3, 8, NearEqualStart: true, RandomActivations: true),
    ];

    /// <summary>The plan: η = 0.1, σ = 1, B = n = 1.</summary>
    public static ExperimentPlan Plan(bool quick, ulong seed) => quick
        ? ExperimentPlan.FullBatch(0.1, 1, 6, 20_000, 14, 20_000, 0.5, seed)
        : ExperimentPlan.FullBatch(0.1, 1, 8, 60_000, 20, 20_000, 0.5, seed);

    /// <summary>Runs every case (docs/theory.md §4.3).</summary>
    public static SigmoidReproduction Run(ExperimentPlan plan, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<SigmoidCaseResult>();
        for (int i = 0; i < Cases.Length; i++)
        {
            var part = progress is null ? null : new ScaledProgress(progress, i / (double)Cases.Length, 1.0 / Cases.Length);
            results.Add(RunCase(Cases[i], plan, part));
        }
        return new SigmoidReproduction(results);
    }

    private static SigmoidCaseResult RunCase(SigmoidCase @case, ExperimentPlan plan, IProgress<double>? progress)
    {
        int m = @case.Width;
        double c = SigmoidCase.C, y = @case.Y;
        var model = Mlp.TwoLayerSigmoid(2, m);
        var data = new Dataset([.. SigmoidCase.X], [y], 2);
        var start = ManifoldStart.ByDescent(model, data, attempt => Initial(model, @case, plan.Run.Seed, attempt), plan.StartSteps, plan.Sgd.Eta);
        var observables = new List<ProjectedObservable>
        {
            ProjectedObservable.Reg(model, data),
            new("carriers", t => SigmoidShares.Carriers(SigmoidShares.Of(t, SigmoidCase.X, m), y)),
            new("largest_share", t => SigmoidShares.Sorted(t, SigmoidCase.X, m)[^1]),
        };
        for (int j = 0; j < m; j++)
        {
            int rank = j;
            observables.Add(new($"share_{rank}", t => SigmoidShares.Sorted(t, SigmoidCase.X, m)[rank]));
        }
        var runs = RunSet.Simulate(model, data, start, plan, observables, progress);
        var flow = FlowComparison.AlongFlow(runs);
        var horizon = runs.Flow.ThetaAt(runs.Duration);
        var halfway = runs.Flow.ThetaAt(runs.Duration / 2);
        var limit = horizon is null || halfway is null
            ? new SigmoidFlowLimit(false, runs.Duration, [.. Enumerable.Repeat(double.NaN, m)], double.NaN, double.NaN, false, runs.Flow.Stopped)
            : SigmoidFlowLimit.Find(model, data, halfway, horizon, runs.Duration, y, m);
        var closed = SigmoidAllocation.Nearest(y, c, limit.Limit);
        var end = new SigmoidEndState(runs, flow, limit, horizon, observables);

        var ln = runs.LabelNoise;
        string at = $"label noise at k = {plan.Run.Steps} (t = {runs.Duration:G3}), {plan.Run.Chains} chains";
        int limitCarriers = SigmoidShares.Carriers(limit.Limit, y), startCarriers = SigmoidShares.Carriers(SigmoidShares.Of(start.Theta, SigmoidCase.X, m), y);
        double[] closedShares = [.. closed.Shares.Order()];
        double[] competing = Competing(closed, y, c, m);
        // At the equal split the chains rest above Σφ(v*) by the along-M offset (docs/theory.md §4.3): it is part of the
        // prediction of every reg reading at T.
        var alongM = closed.Carriers == m ? EqualSplitExcess.Of(y, c, m, plan.Sgd) : null;
        HorizonOffset? rest = alongM is null ? null : new HorizonOffset(alongM.Excess, alongM.Bias(plan.Run.Steps));
        double excess = rest?.Offset ?? 0, excessBias = rest?.Bias ?? 0;
        double allocationReg = SigmoidAllocation.SharesCost(closedShares, c);
        var endState = new List<CheckResult>
        {
            end.Allocation("sig_allocation_vs_flow_limit", @case.Name, limit.Limit, $"sorted shares vs the slow flow's limit (t_c = {limit.Time:G3}), {at}"),
            SuiteBudget.Budget.Judge("sig_carriers", @case.Name, limitCarriers, ln.Final("carriers").Mean, Finite(ln.Final("carriers").StdErr),
                end.CarrierTruncation(limitCarriers, y, m), $"neurons carrying y (share > y/2m) vs the flow's limit, {at}"),
            end.Judge("sig_largest_share", @case.Name, "largest_share", closedShares[^1], limit.Limit[^1], $"largest share vs the closed-form allocation, {at}"),
            end.Judge("sig_reg_vs_allocation", @case.Name, "reg", allocationReg + excess, limit.Reg,
                $"reg vs Σφ(v*) of the closed-form allocation{AlongM(alongM)}, {at}", excessBias),
        };
        var power = flow.Power("sig_reg_vs_flow", @case.Name, "reg", rest).ToList();
        if (alongM is not null)
            power.Add(new PowerResult("Σφ(v*) without the along-M offset", end.Judge("sig_reg_vs_allocation", @case.Name, "reg",
                allocationReg, limit.Reg, "power: Σφ(v*) without the along-M offset", excessBias), Informational: true));
        power.Add(new PowerResult("wrong allocation", end.Allocation("sig_allocation_vs_flow_limit", @case.Name, competing,
            "power: the competing allocation's sorted shares")));
        power.Add(new PowerResult("wrong allocation", end.Judge("sig_reg_vs_allocation", @case.Name, "reg",
            SigmoidAllocation.SharesCost(competing, c), limit.Reg, "power: the competing allocation's Σφ")));
        double carrierBias = end.CarrierTruncation(limitCarriers, y, m);
        power.Add(new PowerResult("competing allocation's carriers", SuiteBudget.Budget.Judge("sig_carriers", @case.Name,
            SigmoidShares.Carriers(competing, y), ln.Final("carriers").Mean, Finite(ln.Final("carriers").StdErr), carrierBias,
            "power: the competing allocation's carriers")));
        if (startCarriers != limitCarriers)
            power.Add(new PowerResult("start's carriers", SuiteBudget.Budget.Judge("sig_carriers", @case.Name, startCarriers,
                ln.Final("carriers").Mean, Finite(ln.Final("carriers").StdErr), carrierBias, "power: the start's carriers (nothing moved)")));
        power.Add(new PowerResult("σ = 0 control against the allocation", end.JudgeMeasured("sig_reg_vs_allocation", @case.Name, "reg",
            allocationReg + excess, limit.Reg, runs.Final(RunKind.PlainGd, "reg"), "power: σ = 0 control", excessBias)));

        var verdicts = new List<CheckResult>();
        var reported = new List<CheckResult>();
        (limit.Converged && limit.HorizonInBasin ? verdicts : reported).AddRange(endState);
        if (!(limit.Converged && limit.HorizonInBasin)) power.RemoveAll(p => endState.Any(v => v.Check == p.Verdict.Check));
        verdicts.Add(flow.Judge("sig_reg_vs_flow", @case.Name, "reg", $"reg vs the slow flow at T{AlongM(alongM)}, {at}", rest));
        verdicts.Add(flow.JudgeSteepest("sig_reg_vs_flow_mid", @case.Name, "reg", "reg of the projected label-noise iterate vs the slow flow", rest));
        verdicts.Add(PlainGdControl.Judge("sig_gd_reg_fixed", runs, "reg") with { Case = @case.Name });
        return new SigmoidCaseResult(@case, runs, limit, closedShares, [.. SigmoidAllocation.Optimal(y, c, m).Shares.Order()],
            SigmoidFlowLimit.ShareRule(SigmoidShares.Of(start.Theta, SigmoidCase.X, m), y, m), startCarriers, flow.Relative,
            verdicts, power, reported);
    }

    /// <summary>The along-M offset's part of a row's detail, or nothing.</summary>
    private static string AlongM(EqualSplitExcess? e) => e is null ? ""
        : $" + the along-M offset {e.Excess:G3} (resting shift {e.ShiftExcess:G3}, spread {e.SpreadExcess:G3})";

    /// <summary>
    /// The competing allocation, sorted: the equal split when the limit has fewer carriers than neurons, else the
    /// cheapest allocation with fewer carriers (the global minimiser when it is sparse).
    /// </summary>
    private static double[] Competing(SigmoidAllocationPrediction closed, double y, double c, int m)
    {
        if (closed.Carriers < m) return SigmoidAllocation.EqualSplit(y, c, m).Shares;
        var sparse = SigmoidAllocation.Critical(y, c, m).Where(a => a.Carriers < m).MinBy(a => a.Cost);
        return [.. (sparse?.Shares ?? [.. Enumerable.Repeat(0.0, m - 1), y]).Order()];
    }

    /// <summary>Draw <paramref name="attempt"/>: θ ~ N(0, I), then the case's shares and activations (docs/theory.md §4.3).</summary>
    private static double[] Initial(Mlp model, SigmoidCase @case, ulong seed, int attempt)
    {
        var init = CounterRandom.Key(RandomStreams.SigmoidStart(seed, @case.Width, @case.Y), attempt, 0);
        var initial = Enumerable.Range(0, model.ParameterCount).Select(j => init.Gaussian(j)).ToArray();
        if (@case.NearEqualStart || @case.RandomActivations) Allocate(initial, @case, init);
        return initial;
    }

    /// <summary>
    /// Sets the start's shares and activations (docs/theory.md §4.3). Shares: near-equal, <c>v_j = (y/m)(1 + 0.02 g_j)</c>
    /// with g_j ~ N(0, 1), or spread, <c>v_j = (y/m)(0.1 + 1.8 j/(m − 1))</c> (the smallest below y/2m, so the start has
    /// fewer than m carriers). Activations: common, <c>s(z_j) = 1/2</c> (the bias cancels w_j·x), or random,
    /// <c>z_j ~ N(0, 1.5²)</c>; then <c>a_j = v_j / s(z_j)</c>, so h = y and the start is on M. With a common activation the
    /// gradient of reg in the shares, <c>2 v_j (1 − s_j)² C</c>, is common too and the shares stay together; with random
    /// activations it differs from neuron to neuron and can push them apart.
    /// </summary>
    private static void Allocate(double[] theta, SigmoidCase @case, RandomKey key)
    {
        int m = @case.Width, d = SigmoidCase.X.Length;
        for (int j = 0; j < m; j++)
        {
            double v = @case.NearEqualStart
                ? @case.Y / m * (1 + 0.02 * key.Gaussian(1000 + j))
                : @case.Y / m * (0.1 + 1.8 * j / (m - 1));
            double z = @case.RandomActivations ? 1.5 * key.Gaussian(2000 + j) : 0;
            double wx = theta[j * d] * SigmoidCase.X[0] + theta[j * d + 1] * SigmoidCase.X[1];
            theta[m * d + j] = z - wx;
            theta[m * d + m + j] = v / Activation.Value(ActivationKind.Logistic, z);
        }
    }

    private static double Finite(double se) => double.IsFinite(se) ? se : 0;
}

/// <summary>One sigmoid case's simulations, predicted end state and verdicts (docs/theory.md §4.3).</summary>
/// <param name="Case">The case.</param>
/// <param name="Runs">Its simulations.</param>
/// <param name="Limit">The slow flow's limit from the start (the prediction of the end state).</param>
/// <param name="Closed">The closed-form critical allocation nearest the limit, sorted (the target verdicts use it).</param>
/// <param name="Global">The global minimiser of Σφ, sorted (reported beside it).</param>
/// <param name="ShareRule">What the old share rule predicted from the start's shares, sorted (reported, for contrast).</param>
/// <param name="StartCarriers">The start's carriers.</param>
/// <param name="RelativeBias">The flow comparison's relative bias.</param>
/// <param name="Verdicts">Its verdict rows.</param>
/// <param name="Power">Its power checks.</param>
/// <param name="Reported">End-state rows reported, not asserted (the flow did not converge, or the horizon is not in the limit's basin).</param>
public sealed record SigmoidCaseResult(SigmoidCase Case, RunSet Runs, SigmoidFlowLimit Limit, double[] Closed, double[] Global,
    double[] ShareRule, int StartCarriers, double RelativeBias, IReadOnlyList<CheckResult> Verdicts, IReadOnlyList<PowerResult> Power,
    IReadOnlyList<CheckResult> Reported)
{
    /// <summary>The label-noise chains' mean sorted shares at the horizon.</summary>
    public double[] MeasuredShares => [.. Enumerable.Range(0, Case.Width).Select(j => Runs.LabelNoise.Final($"share_{j}").Mean)];

    /// <summary>The slow flow's sorted shares at the horizon.</summary>
    public double[] FlowShares => [.. Enumerable.Range(0, Case.Width).Select(j => Runs.Flow.At($"share_{j}", Runs.Duration))];

    /// <summary>The sorted shares at the start.</summary>
    public double[] StartShares => [.. Enumerable.Range(0, Case.Width).Select(j => Runs.LabelNoise.Initial($"share_{j}").Mean)];
}

/// <summary>The sigmoid reproduction over its cases (docs/theory.md §4.3).</summary>
public sealed record SigmoidReproduction(IReadOnlyList<SigmoidCaseResult> Cases)
    : Reproduction("sigmoid", "label noise drives a two-layer sigmoid network on one point to a sparse representation",
        [.. Cases.SelectMany(c => c.Verdicts)], [.. Cases.SelectMany(c => c.Power)], CaseFigures(Cases))
{
    private static List<KeyValuePair<string, string>> CaseFigures(IReadOnlyList<SigmoidCaseResult> cases) =>
        [.. cases.Select(c => new KeyValuePair<string, string>(c.Case.Name,
            $"shares {Format(c.StartShares)} → {Format(c.MeasuredShares)}; slow flow at T {Format(c.FlowShares)}, its limit {Format(c.Limit.Limit)} " +
            (c.Limit.Converged ? $"(converged by t = {c.Limit.Time:G3}, second-order curvature {c.Limit.Curvature:G3}" +
                (c.Limit.HorizonInBasin ? ")" : "; the horizon is not yet in its basin)") : $"(not converged: {c.Limit.Why})") +
            $"; closed form {Format(c.Closed)}, global minimiser {Format(c.Global)}; the old share rule said {Format(c.ShareRule)}; " +
            $"start carriers {c.StartCarriers}; reg {c.Runs.LabelNoise.Final("reg").Mean:G4} vs Σφ(v*) {SigmoidAllocation.SharesCost(c.Closed, SigmoidCase.C):G4}; " +
            $"flow-comparison relative bias 2ε̄: {c.RelativeBias:G3}" +
            string.Concat(c.Reported.Select(r => $"; reported, not asserted: {r.Check} {r.Measured:G4} vs {r.Predicted:G4} ± {r.Tolerance:G3}"))))];

    private static string Format(double[] v) => "(" + string.Join(", ", v.Select(x => x.ToString("G4", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    /// <inheritdoc/>
    public override string Sentence => string.Join(" ", Cases.Select(c =>
        $"{c.Case.Name}: {c.Runs.LabelNoise.Final("carriers").Mean:G3} neuron(s) carry y at the end (the flow's limit has {SigmoidShares.Carriers(c.Limit.Limit, c.Case.Y)}, " +
        $"largest share {c.Runs.LabelNoise.Final("largest_share").Mean:G3} vs {c.Closed[^1]:G3})."));
}
