using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The ReLU end-state rows read at the horizon T (docs/theory.md §4.2, "End state at the horizon"), each judged on its
/// own with the derived bias of <see cref="Relu1DEndState"/>, and each with its power checks read at the same reading
/// with the same tolerance: on collinear data <c>relu_h_vs_line</c> (h of the chain mean against the line),
/// <c>relu_kinks</c> (kinks of h inside the hull, against none) and <c>relu_reg_vs_line</c> (reg against the line's
/// least reg); on generic data <c>relu_h_vs_flow_limit</c> (h of the chain mean against the flow's function at T, when
/// the flow reached T); on both data sets <c>relu_balance</c> (active neurons' balance ratios against 1). The gating
/// alternatives are the wrong targets (the start's function, the σ = 0 control, the one-neuron line); the flow at half
/// speed is shown too, and gates only while the flow has not converged by T/2 (<see cref="ConvergedByHalf"/>).
/// </summary>
public static class Relu1DEndStateRows
{
    /// <summary>The rows of one data set with their power checks; rows without a finite bias bound go to <paramref name="reported"/>.</summary>
    public static void Add(Relu1DEndState end, Relu1DData set, string @case, string at, List<CheckResult> verdicts,
        List<PowerResult> power, List<CheckResult> reported)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(power);
        ArgumentNullException.ThrowIfNull(reported);
        // A mean over chains needs two of them: where fewer projected at T, the rows are left out, not crashed on.
        if (end.Chains.Length < 2) return;
        var rows = new List<(CheckResult Row, IEnumerable<PowerResult> Power, Relu1DBias Bias)>();
        var start = end.Start;
        double half = end.Duration / 2;
        if (set.Slope is double slope)
        {
            double intercept = set.Data.Y[0] - slope * set.Data.X[0];
            double Line(double x) => intercept + slope * x;
            rows.Add(Row(end, "relu_h_vs_line", @case, end.Function, 0, end.MeanFunctionDistance(Line),
                theta => end.Distance(theta, Line), $"max|h̄ − line| on the hull, h̄ the chains' mean function, {at}",
                ("start's function", start), ("σ = 0 control", end.Control), (HalfSpeed, end.Flow(half))));
            rows.Add(Row(end, "relu_kinks", @case, t => [Kinks(end, t)], 0,
                end.OfMeanFunction((t, width) => Relu1DFunction.InteriorKinks(t, end.Data, width)), t => Kinks(end, t),
                $"kinks of h̄ inside the hull (merged within {Relu1DFunction.KinkResolution}, |summed jump| > {Relu1DFunction.KinkThreshold}) against none, h̄ the chains' mean function (jackknife SE), {at}",
                ("start's function", start), ("σ = 0 control", end.Control), (HalfSpeed, end.Flow(half))));
            var line = Relu1DLineCost.LeastOffData(Relu1DData.X, slope);
            double single = Relu1DLineCost.PairReg(Relu1DData.X, slope, Relu1DData.X.Min());
            var measuredReg = end.ChainMean(end.Reg);
            var reg = Row(end, "relu_reg_vs_line", @case, t => [end.Reg(t)], line.Reg, measuredReg, end.Reg,
                $"reg against the straight line's least reg 1 + 2|s|(C_R(κ) + C_L(κ)) at κ = {line.Kink:G3}, {at}",
                ("σ = 0 control", end.Control), (HalfSpeed, end.Flow(half)));
            var fiber = Relu1DShape.BalancedReg(new Relu1DSetting(Relu1DExperiment.Width, start, set.Data));
            var extra = !reg.Bias.Finite ? [] : new[]
            {
                new PowerResult("start's function at its least reg on its fiber", Relu1DEndState.Judge("relu_reg_vs_line", @case, line.Reg,
                    new MeanEstimate(fiber, 0, 1), reg.Bias.Total, "power: the start's function with every neuron balanced")),
                new PowerResult("line from one neuron", Relu1DEndState.Judge("relu_reg_vs_line", @case, single, measuredReg,
                    reg.Bias.Total, "power: a single neuron with its kink at the hull's edge")),
            };
            rows.Add((reg.Row, reg.Power.Concat(extra), reg.Bias));
        }
        else if (end.Flow(end.Duration) is { } limit)
        {
            // Generic data: h̄ against the flow's function at T, its limit up to the truncation term of the bias.
            var flowAt = new Relu1DSetting(Relu1DExperiment.Width, limit, set.Data);
            var limitRow = Row(end, "relu_h_vs_flow_limit", @case, end.Function, 0, end.MeanFunctionDistance(flowAt.At),
                theta => end.Distance(theta, flowAt.At), $"max|h̄ − h_flow(T)| on the hull, h̄ the chains' mean function, {at}",
                ("start's function", start), ("σ = 0 control", end.Control), (HalfSpeed, end.Flow(half)));
            // A comparison against the flow is asserted only before the flow's first rank loss (docs/theory.md §4.2,
            // "Where the flow is the prediction"); past it, the flow's function at T is reported.
            if (end.FlowFirstRankLoss < end.Duration)
            {
                reported.Add(limitRow.Row with { Detail = $"{limitRow.Row.Detail}; not asserted: read after the flow's first rank loss, where the flow is not the theory's prediction: {end.FlowFirstRankLossDetail}" });
            }
            else
            {
                rows.Add(limitRow);
            }
        }
        rows.Add(Row(end, "relu_balance", @case, t => [Balance(end, t)], 0, end.ChainMean(t => Balance(end, t)), t => Balance(end, t),
            $"cost-weighted mean (log balance ratio)² of active neurons against 0 (every ratio 1), chains' mean, {at}",
            ("σ = 0 control", end.Control), (HalfSpeed, end.Flow(half))));
        foreach (var (row, checks, bias) in rows)
        {
            if (bias.Finite)
            {
                verdicts.Add(row);
                power.AddRange(checks);
            }
            else
            {
                reported.Add(row with { Detail = $"{row.Detail}; not asserted: no bias bound ({bias})" });
            }
        }
    }

    /// <summary>Kinks of h inside the hull (<see cref="Relu1DFunction.InteriorKinks"/>).</summary>
    private static double Kinks(Relu1DEndState end, double[] theta) => Relu1DFunction.InteriorKinks(theta, end.Data, Relu1DExperiment.Width);

    /// <summary>The cost-weighted mean <c>(log balance ratio)²</c> of the active neurons (<see cref="Relu1DFunction.SquaredImbalance"/>).</summary>
    private static double Balance(Relu1DEndState end, double[] theta) => Relu1DFunction.SquaredImbalance(theta, end.Data, Relu1DExperiment.Width);

    /// <summary>
    /// One row: the label-noise measurement against the prediction with the feature's bias, and the power checks, each
    /// judged with the same prediction and tolerance: a point's statistic (start, control) in place of label noise, or
    /// for the half-speed flow its statistic at T/2 in place of the prediction.
    /// </summary>
    private static (CheckResult Row, IEnumerable<PowerResult> Power, Relu1DBias Bias) Row(Relu1DEndState end, string check, string @case,
        Func<double[], double[]> feature, double predicted, MeanEstimate measured, Func<double[], double> statistic, string detail,
        params (string Name, double[]? Theta)[] alternatives)
    {
        var bias = end.Bias(feature);
        // Without a bound the row is only reported (its tolerance then holds z·SE alone) and its power checks are dropped.
        double total = bias.Finite ? bias.Total : 0;
        var row = Relu1DEndState.Judge(check, @case, predicted, measured, total, $"{detail}; {bias}");
        if (!bias.Finite) return (row, [], bias);
        bool converged = ConvergedByHalf(bias, row.Tolerance);
        var power = alternatives.Where(a => a.Theta is not null).Select(a => a.Name == HalfSpeed
            ? HalfSpeedCheck(Relu1DEndState.Judge(check, @case, statistic(a.Theta!), measured, total,
                $"power: the flow at T/2 = {end.Duration / 2:G3} as the prediction at T"), bias, converged)
            : new PowerResult(a.Name, Relu1DEndState.Judge(check, @case, predicted, new MeanEstimate(statistic(a.Theta!), 0, 1), total, $"power: the {a.Name} in place of label noise")));
        return (row, power.ToList(), bias);
    }

    /// <summary>The clock alternative: the flow read at T/2 in place of T.</summary>
    private const string HalfSpeed = "flow at half speed";

    /// <summary>
    /// Whether the flow has converged by T/2 at the row's resolution (docs/theory.md §4.2, "End state at the horizon"):
    /// its distance at T/2 from its own limit, at most <c>Δ₁ + truncation = Δ₁/(1 − r)</c>, is within the row's tolerance.
    /// </summary>
    public static bool ConvergedByHalf(Relu1DBias bias, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(bias);
        return bias.Finite && bias.Last + bias.Truncation <= tolerance;
    }

    /// <summary>
    /// The half-speed flow's check: gating while the flow still moves after T/2, informational once it has converged by
    /// T/2, where every reading of the flow on [T/2, ∞) lies within a tolerance of the limit and a clock error cannot
    /// be seen in the end state.
    /// </summary>
    private static PowerResult HalfSpeedCheck(CheckResult verdict, Relu1DBias bias, bool converged) => converged
        ? new PowerResult($"{HalfSpeed} (informational: the flow has converged by T/2)",
            verdict with { Detail = $"{verdict.Detail}; informational: the flow's distance at T/2 from its limit, Δ₁ + truncation = {bias.Last + bias.Truncation:G3}, is within the tolerance" },
            Informational: true)
        : new PowerResult(HalfSpeed, verdict);
}
