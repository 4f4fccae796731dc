using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The end state of a ReLU data set at the horizon T, judged on its own (docs/theory.md §4.2, "End state at the
/// horizon"): a feature of θ (h on a grid of the hull, the kink count, the balance) read on the label-noise chains'
/// projected iterates at T, against the claim's prediction, with a bias bound of three derived terms, none of which is
/// the distance between the flow and the prediction: the horizon's truncation (the flow's own distance from its own
/// limit, bounded from its changes over the last two doublings of t), the flow's finite-η clock, and the OU spread's
/// second-order effect on the projected reading (<see cref="OuSpreadBias"/>, at every chain's projected point).
/// </summary>
public sealed class Relu1DEndState(RunSet runs, double relative)
{
    /// <summary>Grid points per data interval on which h is read.</summary>
    public const int PointsPerInterval = 16;

    /// <summary>The grid on the hull: <see cref="PointsPerInterval"/> points per data interval, both ends included.</summary>
    public double[] Grid { get; } = HullGrid(runs.Data.X);

    /// <summary>h on <see cref="Grid"/> at θ.</summary>
    public double[] Function(double[] theta)
    {
        var setting = new Relu1DSetting(Relu1DExperiment.Width, theta, runs.Data);
        return [.. Grid.Select(setting.At)];
    }

    /// <summary>The data.</summary>
    public Engine.Data.Dataset Data => runs.Data;

    /// <summary>The horizon T in flow time.</summary>
    public double Duration => runs.Duration;

    /// <summary>The interpolating start.</summary>
    public double[] Start => runs.Start.Theta;

    /// <summary>reg at θ.</summary>
    public double Reg(double[] theta) => runs.Model.Reg(theta, runs.Data.X, runs.Model.CreateWorkspace(runs.Data.Count));

    /// <summary>The label-noise chains' projected iterates at T (those that projected).</summary>
    public double[][] Chains => [.. runs.LabelNoise.Projected[^1].Where(t => t is not null).Select(t => t!)];

    /// <summary>The σ = 0 control's point at T.</summary>
    public double[]? Control => runs.Runs[RunKind.PlainGd].Projected[^1][0];

    /// <summary>The flow time of the flow's first rank loss (<see cref="FlowTrack.FirstRankLoss"/>), +∞ if none.</summary>
    public double FlowFirstRankLoss => runs.Flow.FirstRankLoss;

    /// <summary>When and where the flow first lost rank, for a row's detail.</summary>
    public string FlowFirstRankLossDetail => runs.Flow.FirstRankLossDetail;

    /// <summary>The flow's point at flow time t (null after a stop).</summary>
    public double[]? Flow(double time) => runs.Flow.ThetaAt(time);

    /// <summary>
    /// The bias bound of a feature at T, with its three terms (docs/theory.md §4.2, "End state at the horizon"), in the
    /// sup norm over the feature's components. NaN when the flow stopped before T; +∞ when the flow's change over the
    /// last doubling is not below that over the one before (no truncation bound).
    /// </summary>
    public Relu1DBias Bias(Func<double[], double[]> feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        double horizon = runs.Duration;
        var at = new[] { horizon, horizon / 2, horizon / 4, (1 - RunSet.DerivativeStep) * horizon }.Select(Flow).ToArray();
        if (at.Any(t => t is null)) return new Relu1DBias(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var values = at.Select(t => feature(t!)).ToArray();
        double last = Sup(values[0], values[1]), before = Sup(values[1], values[2]);
        double truncation = Truncation(before, last);
        double clock = relative * Sup(values[0], values[3]) / RunSet.DerivativeStep;
        return new Relu1DBias(truncation, clock, Spread(feature), before, last);
    }

    /// <summary>
    /// The rest of the flow's path after T from its changes over the last two doublings, <c>Δ₁ r/(1 − r)</c> with
    /// <c>r = Δ₁/Δ₀</c> (later doublings shrink at least geometrically): 0 when <c>Δ₁ = 0</c>, +∞ when <c>r ≥ 1</c>.
    /// </summary>
    public static double Truncation(double before, double last)
    {
        if (last == 0) return 0;
        if (!(last < before)) return double.PositiveInfinity;
        double ratio = last / before;
        return last * ratio / (1 - ratio);
    }

    /// <summary>
    /// The OU spread term: the largest component of <see cref="OuSpreadBias.OfEachAtLostRank"/> at the flow's point at T,
    /// where the chains' OU process is centred (J may have lost rank there, docs/theory.md §4.2: near the straight
    /// line three collinear points make it so). NaN when the flow stopped before T or a direction's retraction failed.
    /// </summary>
    public double Spread(Func<double[], double[]> feature)
    {
        if (Flow(runs.Duration) is not { } theta) return double.NaN;
        try
        {
            return OuSpreadBias.OfEachAtLostRank(runs.Model, runs.Data, runs.Plan.Sgd, theta, feature).Max();
        }
        catch (Exception e) when (e is Engine.Validation.InvalidInputException or InvalidOperationException)
        {
            return double.NaN;
        }
    }

    /// <summary><c>max_x |h̄(x) − f(x)|</c> on the grid, h̄ the mean of h over the chains at T, with the SE of h̄ at the worst x.</summary>
    public MeanEstimate MeanFunctionDistance(Func<double, double> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var chains = Chains.Select(Function).ToArray();
        var at = Grid.Select((x, g) => MeanEstimate.Of(chains.Select(h => h[g] - target(x)).ToArray())).ToArray();
        var worst = at.MaxBy(e => Math.Abs(e.Mean))!;
        return worst with { Mean = Math.Abs(worst.Mean) };
    }

    /// <summary><c>max_x |h(x) − f(x)|</c> on the grid at one point (the start, the control, the flow).</summary>
    public double Distance(double[] theta, Func<double, double> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Function(theta).Select((h, g) => Math.Abs(h - target(Grid[g]))).Max();
    }

    /// <summary>
    /// A feature of the chains' mean function h̄ (itself a ReLU network: every chain's neurons, output weights divided
    /// by the number of chains), with its jackknife standard error over chains.
    /// </summary>
    public MeanEstimate OfMeanFunction(Func<double[], int, double> feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var chains = Chains;
        int count = chains.Length;
        double all = feature(Pooled(chains), count * Relu1DExperiment.Width);
        if (count < 2) return new MeanEstimate(all, double.NaN, count);
        var leaveOut = Enumerable.Range(0, count)
            .Select(i => feature(Pooled([.. chains.Where((_, c) => c != i)]), (count - 1) * Relu1DExperiment.Width)).ToArray();
        double mean = leaveOut.Average();
        double se = Math.Sqrt((count - 1.0) / count * leaveOut.Sum(v => (v - mean) * (v - mean)));
        return new MeanEstimate(all, se, count);
    }

    /// <summary>θ of the mean function of networks of width m: widths concatenated, output weights and biases averaged.</summary>
    public static double[] Pooled(IReadOnlyList<double[]> thetas)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        int m = Relu1DExperiment.Width, k = thetas.Count;
        var pooled = new double[3 * m * k + 1];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < m; j++)
            {
                pooled[c * m + j] = thetas[c][j];
                pooled[m * k + c * m + j] = thetas[c][m + j];
                pooled[2 * m * k + c * m + j] = thetas[c][2 * m + j] / k;
            }
            pooled[3 * m * k] += thetas[c][3 * m] / k;
        }
        return pooled;
    }

    /// <summary>A scalar feature's mean over the chains at T.</summary>
    public MeanEstimate ChainMean(Func<double[], double> feature) => MeanEstimate.Of(Chains.Select(feature).ToArray());

    /// <summary>A measurement against a prediction with a given bias bound (the rule of docs/theory.md §5).</summary>
    public static CheckResult Judge(string check, string @case, double predicted, MeanEstimate measured, double bias, string detail) =>
        FlowComparison.Judge(check, @case, predicted, measured, bias, detail);

    private static double Sup(double[] a, double[] b) => a.Zip(b, (u, v) => Math.Abs(u - v)).Max();

    private static double[] HullGrid(IReadOnlyList<double> x)
    {
        var knots = x.Order().ToArray();
        return [.. Enumerable.Range(0, knots.Length - 1)
            .SelectMany(k => Enumerable.Range(0, PointsPerInterval).Select(s => knots[k] + (knots[k + 1] - knots[k]) * s / PointsPerInterval))
            .Append(knots[^1])];
    }
}

/// <summary>The three terms of an end-state bias bound (docs/theory.md §4.2, "End state at the horizon").</summary>
/// <param name="Truncation">The flow's distance at T from its own limit, bounded from its last two doublings.</param>
/// <param name="Clock">The flow's finite-η clock, <c>relative · T |dv/dt(T)|</c>.</param>
/// <param name="Spread">The OU spread's second-order effect on the projected reading.</param>
/// <param name="Before">The flow's change Δ₀ from T/4 to T/2.</param>
/// <param name="Last">The flow's change Δ₁ from T/2 to T.</param>
public sealed record Relu1DBias(double Truncation, double Clock, double Spread, double Before, double Last)
{
    /// <summary>The bound, the sum of the three.</summary>
    public double Total => Truncation + Clock + Spread;

    /// <summary>Whether the bound exists (the flow reached T and its changes shrink).</summary>
    public bool Finite => double.IsFinite(Total);

    /// <inheritdoc/>
    public override string ToString() => $"bias {Total:G3} = truncation {Truncation:G3} (flow's change Δ₀ = {Before:G3} over [T/4, T/2], Δ₁ = {Last:G3} over [T/2, T]) + clock {Clock:G3} + OU spread {Spread:G3}";
}
