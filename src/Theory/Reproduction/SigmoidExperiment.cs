using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The sigmoid claim (docs/theory.md §4.3): on one point, label noise drives the shares <c>v_j</c> to an allocation that
/// minimises <c>Σφ(v_j)</c> — globally one carrier (sparse) when <c>q = y²C &gt; m</c>, the equal split when q &lt; m.
/// Which minimum the dynamics reach depends on the start (local picture): the equal split is a local minimum of Σφ
/// when <c>y√C/m &lt; 1/√3</c>, so a start at the fiber optimum of a near-equal split stays there even when q &gt; m.
/// Per case: the number of carriers, the largest share and reg against the allocation predicted from the start, and
/// reg against the slow flow; plain GD keeps the start's reg.
/// </summary>
public static class SigmoidExperiment
{
    /// <summary>The cases: sparse (q = 18 &gt; m = 4), equal split (q = 1.28 &lt; 4), and the local equal split (q = 18 &gt; m = 8, u = 0.53 &lt; 1/√3).</summary>
    public static readonly SigmoidCase[] Cases = [new(3, 4), new(0.8, 4), new(3, 8, NearEqualStart: true)];


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
        var flow = FlowComparison.For(runs);
        // The allocation the dynamics reach from this start (docs/theory.md §4.3, local picture): the equal split when it is a
        // local minimum of Σφ and every starting share lies in φ's convex range, else the global minimiser. The
        // verdicts use it; the global allocation is reported beside it.
        var optimal = SigmoidAllocation.Optimal(y, c, m);
        bool convexStart = SigmoidShares.Of(start.Theta, SigmoidCase.X, m).All(v => Math.Abs(v) * Math.Sqrt(c) < SigmoidAllocation.ConvexityEdge);
        double[] local = [.. (SigmoidAllocation.EqualSplitIsLocalMinimum(y, c, m) && convexStart ? SigmoidAllocation.EqualSplit(y, c, m) : optimal).Shares.Order()];
        double[] global = [.. optimal.Shares.Order()], reached = local;
        double[] wrong = SigmoidShares.Carriers(reached, y) == 1
            ? SigmoidAllocation.EqualSplit(y, c, m).Shares
            : [.. Enumerable.Repeat(0.0, m - 1), y];
        double reachedCost = SigmoidAllocation.SharesCost(reached, c);
        int reachedCarriers = SigmoidShares.Carriers(reached, y);

        // Against the allocation: the flow's own distance from it at T is a stated bias (the run is finite), plus the
        // flow comparison's bias (FlowComparison.TargetBias).
        var ln = runs.LabelNoise;
        string at = $"label noise at k = {plan.Run.Steps} (t = {runs.Duration:G3}), {plan.Run.Chains} chains";
        var verdicts = new List<CheckResult>
        {
            SuiteBudget.Budget.Judge("sig_carriers", @case.Name, reachedCarriers, ln.Final("carriers").Mean,
                Finite(ln.Final("carriers").StdErr), 0, $"neurons carrying y (share > y/2m), {at}"),
            flow.JudgeTarget("sig_largest_share", @case.Name, "largest_share", reached[^1], $"largest share vs the allocation reached, {at}"),
            flow.JudgeTarget("sig_reg_vs_allocation", @case.Name, "reg", reachedCost, $"reg vs Σφ(v*) of the allocation reached, {at}"),
            flow.Judge("sig_reg_vs_flow", @case.Name, "reg", $"reg vs the slow flow at T, {at}"),
            flow.JudgeSteepest("sig_reg_vs_flow_mid", @case.Name, "reg", "reg of the projected label-noise iterate vs the slow flow"),
            PlainGdControl.Judge("sig_gd_reg_fixed", runs, "reg") with { Case = @case.Name },
        };
        double regGap = flow.TargetBias("reg", reachedCost);
        var power = flow.Power("sig_reg_vs_flow", @case.Name, "reg").ToList();
        power.Add(new PowerResult("wrong allocation", FlowComparison.Judge("sig_reg_vs_allocation", @case.Name,
            SigmoidAllocation.SharesCost(wrong, c), ln.Final("reg"), regGap, "power: the other allocation's Σφ")));
        power.Add(new PowerResult("σ = 0 control against the allocation", FlowComparison.Judge("sig_reg_vs_allocation", @case.Name,
            reachedCost, runs.Final(RunKind.PlainGd, "reg"), regGap, "power: σ = 0 control")));
        return new SigmoidCaseResult(@case, runs, reached, global, flow.Relative, verdicts, power);
    }

    /// <summary>Draw <paramref name="attempt"/>: θ ~ N(0, I), made a near-equal split for <see cref="SigmoidCase.NearEqualStart"/>.</summary>
    private static double[] Initial(Mlp model, SigmoidCase @case, ulong seed, int attempt)
    {
        var init = CounterRandom.Key(RandomStreams.SigmoidStart(seed, @case.Width, @case.Y), attempt, 0);
        var initial = Enumerable.Range(0, model.ParameterCount).Select(j => init.Gaussian(j)).ToArray();
        if (@case.NearEqualStart) NearEqualSplit(initial, @case, init);
        return initial;
    }

    /// <summary>
    /// A near-equal split with a common activation (docs/theory.md §4.3): share <c>v_j = (y/m)(1 + 0.02 g_j)</c>,
    /// g_j ~ N(0, 1), with the bias set so that <c>s(z_j) = 1/2</c> for every neuron, and <c>a_j = v_j / s(z_j)</c>.
    /// The activation is off its fiber optimum <c>v²C/(1 + v²C)</c>, so reg starts above Σφ(v) and plain GD keeps it
    /// there. It is common to all neurons because the gradient of reg in the shares, <c>2 v_j (1 − s_j)² C</c>, would
    /// otherwise differ from neuron to neuron and push the shares apart (from random activations the flow left the
    /// equal split).
    /// </summary>
    private static void NearEqualSplit(double[] theta, SigmoidCase @case, RandomKey key)
    {
        int m = @case.Width, d = SigmoidCase.X.Length;
        for (int j = 0; j < m; j++)
        {
            double v = @case.Y / m * (1 + 0.02 * key.Gaussian(1000 + j));
            double wx = theta[j * d] * SigmoidCase.X[0] + theta[j * d + 1] * SigmoidCase.X[1];
            theta[m * d + j] = -wx;
            theta[m * d + m + j] = v / 0.5;
        }
    }

    private static double Finite(double se) => double.IsFinite(se) ? se : 0;
}

/// <summary>One sigmoid case's simulations, predicted allocations and verdicts (docs/theory.md §4.3).</summary>
/// <param name="Case">The case.</param>
/// <param name="Runs">Its simulations.</param>
/// <param name="Reached">The allocation predicted from the start's shares (docs/theory.md §4.3, local picture), which the verdicts use.</param>
/// <param name="Global">The global minimiser of Σφ (reported beside it).</param>
/// <param name="RelativeBias">The flow comparison's relative bias.</param>
/// <param name="Verdicts">Its verdict rows.</param>
/// <param name="Power">Its power checks.</param>
public sealed record SigmoidCaseResult(SigmoidCase Case, RunSet Runs, double[] Reached, double[] Global, double RelativeBias,
    IReadOnlyList<CheckResult> Verdicts, IReadOnlyList<PowerResult> Power)
{
    /// <summary>The label-noise chains' mean sorted shares at the horizon.</summary>
    public double[] MeasuredShares => [.. Enumerable.Range(0, Case.Width).Select(j => Runs.LabelNoise.Final($"share_{j}").Mean)];

    /// <summary>The sorted shares at the start.</summary>
    public double[] StartShares => [.. Enumerable.Range(0, Case.Width).Select(j => Runs.LabelNoise.Initial($"share_{j}").Mean)];
}

/// <summary>The sigmoid reproduction over its cases (docs/theory.md §4.3).</summary>
public sealed record SigmoidReproduction(IReadOnlyList<SigmoidCaseResult> Cases)
    : Reproduction("sigmoid", "label noise drives a two-layer sigmoid network on one point to a sparse representation",
        Cases[0].Runs, [.. Cases.SelectMany(c => c.Verdicts)], [.. Cases.SelectMany(c => c.Power)], CaseFigures(Cases))
{
    private static List<KeyValuePair<string, string>> CaseFigures(IReadOnlyList<SigmoidCaseResult> cases) =>
        [.. cases.Select(c => new KeyValuePair<string, string>(c.Case.Name,
            $"shares {Format(c.StartShares)} → {Format(c.MeasuredShares)}; predicted from the start {Format(c.Reached)}, global minimiser {Format(c.Global)}; " +
            $"reg {c.Runs.LabelNoise.Final("reg").Mean:G4} vs Σφ(v*) {SigmoidAllocation.SharesCost(c.Reached, SigmoidCase.C):G4}; " +
            $"flow-comparison relative bias 2|ρ − 1| + {FlowComparison.RunAllowance}: {c.RelativeBias:G3}"))];

    private static string Format(double[] v) => "(" + string.Join(", ", v.Select(x => x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    /// <inheritdoc/>
    public override string Sentence => string.Join(" ", Cases.Select(c =>
        $"{c.Case.Name}: {c.Runs.LabelNoise.Final("carriers").Mean:G3} neuron(s) carry y at the end (predicted {SigmoidShares.Carriers(c.Reached, c.Case.Y)}, " +
        $"largest share {c.Runs.LabelNoise.Final("largest_share").Mean:G3} vs {c.Reached[^1]:G3})."));
}
