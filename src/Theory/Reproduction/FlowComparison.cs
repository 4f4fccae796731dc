using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Judges a tracked observable of the label-noise chains against the slow flow at the horizon (docs/theory.md §3,
/// "Slow flow"), and the same measurement against the wrong predictions of the power checks (docs/theory.md §5): the flow at
/// half speed (read at t/2, at the tracked time where that shows most against the tolerance), and the σ = 0 control's measurement in place of label noise.
/// <para>
/// Error budget: z·SE over independent chains, plus a derived bias. The finite-η corrections the leading-order flow
/// leaves out act, to first order, as a change of clock: SGD runs the flow at speed ρ, with ρ the ratio of the exact-S
/// to the leading-order reg change (as in <see cref="SlowFlowCheck"/>). A clock error of relative size ε moves a value
/// read at T by about <c>ε · T · |dv/dt(T)|</c>, so the bias is <c>2ε̄ · T |dv/dt(T)|</c>, with ε̄ the clock error
/// <c>|ρ − 1|</c> averaged along the flow (<see cref="ClockErrorAlongFlow"/>, docs/theory.md §3.6) and
/// <c>T |dv/dt(T)|</c> from the flow itself, read just before T (<see cref="RunSet.DerivativeStep"/>).
/// </para>
/// </summary>
public sealed class FlowComparison(RunSet runs, double relativeBias)
{
    /// <summary>
    /// The comparison with the relative bias <c>2 ε̄</c>, ε̄ the clock error <c>|ρ − 1|</c> averaged along the flow with
    /// the flow's reg change as weight (<see cref="ClockErrorAlongFlow"/>, docs/theory.md §3.6): ρ varying along the
    /// run is measured, not allowed for.
    /// </summary>
    public static FlowComparison AlongFlow(RunSet runs) => new(runs, 2 * ClockErrorAlongFlow(runs).Mean);

    /// <summary>
    /// ε̄ = <c>Σ_j ε_j |reg(t_j) − reg(t_{j−1})| / Σ_j |reg(t_j) − reg(t_{j−1})|</c> over the flow's intervals between
    /// tracked times, with <c>ε_j</c> the larger of <c>|ρ − 1|</c> at the interval's two ends (ρ at the flow's point,
    /// docs/theory.md §3.6). Where ρ is not defined (J lost rank, docs/theory.md §4.2) the interval takes
    /// the largest <c>|ρ − 1|</c> measured anywhere; those points are counted.
    /// </summary>
    public static (double Mean, int Skipped) ClockErrorAlongFlow(RunSet runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var times = runs.Times;
        var error = times.Select(t => ClockError(runs, runs.Flow.ThetaAt(t))).ToArray();
        double worst = error.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var reg = runs.FlowValues("reg");
        double weighted = 0, total = 0;
        for (int j = 1; j < times.Length; j++)
        {
            double change = Math.Abs(reg[j] - reg[j - 1]);
            if (!double.IsFinite(change)) continue;
            double e = Math.Max(error[j - 1], error[j]);
            weighted += (double.IsFinite(e) ? e : worst) * change;
            total += change;
        }
        return (total == 0 ? worst : weighted / total, error.Count(e => !double.IsFinite(e)));
    }

    /// <summary><c>|ρ − 1|</c> at a point of the flow, or NaN where ρ is not defined.</summary>
    private static double ClockError(RunSet runs, double[]? theta)
    {
        if (theta is null) return double.NaN;
        try
        {
            var prediction = TangentDrift.At(runs.Model, theta, runs.Data, runs.Plan.Sgd);
            return Math.Abs(prediction.ExactRegChange / prediction.LeadingRegChange - 1);
        }
        catch (Exception e) when (e is Engine.Validation.InvalidInputException or InvalidOperationException)
        {
            return double.NaN;
        }
    }

    /// <summary>The relative bias used.</summary>
    public double Relative => relativeBias;

    /// <summary>
    /// The tracked index the comparison reads: the horizon, or the last tracked time before the flow's first rank loss
    /// where the flow is defined and every label-noise chain projected onto M. When J loses rank (docs/theory.md §4.2)
    /// the flow stops, and a chain whose projection fails is left out of the mean; reading past either would compare
    /// against nothing, or against the chains that happened to project (a selected sample), so the comparison stops
    /// there. Where the flow went on past lost rank or a kink on a data point (<see cref="FlowTrack.FirstRankLoss"/>),
    /// its path is a construction of ours, not the theory's prediction (docs/theory.md §4.2, "Where the flow is the
    /// prediction"), so the comparison reads before that too.
    /// </summary>
    public int Last(string name)
    {
        var times = runs.Times;
        var measured = runs.LabelNoise.Values[name];
        int j = times.Length - 1;
        while (j > 0 && !(Predicts(times[j]) && double.IsFinite(runs.Flow.At(name, times[j])) && measured[j].Count == runs.Plan.Run.Chains)) j--;
        return j;
    }

    /// <summary>Whether the flow at time t is the theory's prediction: t is before the flow's first rank loss.</summary>
    public bool Predicts(double time) => time < runs.Flow.FirstRankLoss;

    /// <summary>Why the comparison reads before the horizon, or empty when it reads at T.</summary>
    public string EarlyReading(string name)
    {
        int j = Last(name);
        if (j == runs.Times.Length - 1) return "";
        double next = runs.Times[j + 1];
        string why = !Predicts(next) ? $"the flow's first rank loss next: {runs.Flow.FirstRankLossDetail}"
            : double.IsFinite(runs.Flow.At(name, next)) ? "a chain's projection failed next" : "the flow stopped next";
        return $" (read at t = {runs.Times[j]:G3}: {why})";
    }

    /// <summary>The flow's value of an observable at the horizon T (or where it stopped).</summary>
    public double Predicted(string name) => runs.Flow.At(name, runs.Times[Last(name)]);

    /// <summary>The correction that applies at tracked index <paramref name="j"/>: <paramref name="offset"/> at the horizon, else none.</summary>
    private HorizonOffset At(int j, HorizonOffset? offset) => offset is { } o && j == runs.Times.Length - 1 ? o : default;

    /// <summary>The stated bias bound for an observable at the horizon, <c>relative · T |dv/dt(T)|</c>.</summary>
    public double Bias(string name) => Bias(name, Last(name));

    /// <summary>The stated bias bound at tracked time <c>t_j</c>, <c>relative · t_j |dv/dt(t_j)|</c> (the flow's local rate).</summary>
    public double Bias(string name, int j) => j == 0 ? 0 : relativeBias * runs.FlowLogRate(name, j);

    /// <summary>
    /// Label-noise measurement at T against the flow at T (or at <see cref="Last"/>), with <paramref name="offset"/> added
    /// to the prediction and the bias when the reading is at the horizon.
    /// </summary>
    public CheckResult Judge(string check, string @case, string name, string detail, HorizonOffset? offset = null)
    {
        int j = Last(name);
        var o = At(j, offset);
        return Judge(check, @case, Predicted(name) + o.Offset, runs.LabelNoise.Values[name][j], Bias(name) + o.Bias, detail + EarlyReading(name));
    }

    /// <summary>A measurement against a prediction with a given bias bound.</summary>
    public static CheckResult Judge(string check, string @case, double predicted, MeanEstimate measured, double bias, string detail) =>
        SuiteBudget.Budget.Judge(check, @case, predicted, measured.Mean, Finite(measured.StdErr), bias, detail);

    /// <summary>
    /// The tracked index where a wrong clock (the flow at half speed) shows most against this comparison's own
    /// tolerance: the largest <c>|v(t) − v(t/2)| / (z·SE + bias)</c>, with v the flow and SE the label-noise
    /// chains' standard error there. A verdict read there has the most power against a clock error, so the mid-run
    /// row and its power check use it. The flow alone sets the numerator and the bias; SE only scales the denominator.
    /// </summary>
    public int Steepest(string name)
    {
        var times = runs.Times;
        var values = runs.LabelNoise.Values[name];
        int last = Last(name);
        if (last == 0) return 0;
        return Enumerable.Range(1, last).MaxBy(i =>
            Math.Abs(runs.Flow.At(name, times[i]) - runs.Flow.At(name, times[i] / 2)) /
            (SuiteBudget.Budget.Tolerance(Finite(values[i].StdErr), Bias(name, i)) + double.Epsilon));
    }

    /// <summary>
    /// Label-noise measurement against the flow at the tracked time <see cref="Steepest"/>, with <paramref name="offset"/>
    /// when that is the horizon (the choice of the time does not see it).
    /// </summary>
    public CheckResult JudgeSteepest(string check, string @case, string name, string detail, HorizonOffset? offset = null)
    {
        int j = Steepest(name);
        var o = At(j, offset);
        var measured = runs.LabelNoise.Values[name][j];
        return SuiteBudget.Budget.Judge(check, @case, runs.Flow.At(name, runs.Times[j]) + o.Offset, measured.Mean, Finite(measured.StdErr),
            Bias(name, j) + o.Bias, $"{detail} at t = {runs.Times[j]:G3} (k = {runs.Steps[j]}), where a wrong clock shows most");
    }

    /// <summary>A measurement against a prediction for the named observable, with this comparison's bias bound.</summary>
    public CheckResult Judge(string check, string @case, string name, MeanEstimate measured, double predicted, string detail) =>
        Judge(check, @case, predicted, measured, Bias(name), detail);

    /// <summary>
    /// The two power checks of a flow comparison (docs/theory.md §5): the flow at half speed (its value at T/2) against the
    /// label-noise measurement, and the σ = 0 control's measurement against the flow; each with
    /// <paramref name="offset"/> where it reads at the horizon.
    /// </summary>
    public IEnumerable<PowerResult> Power(string check, string @case, string name, HorizonOffset? offset = null)
    {
        int last = Last(name);
        var gd = runs.Runs[RunKind.PlainGd].Values[name][last];
        var times = runs.Times;
        int j = Steepest(name);
        var (o, end) = (At(j, offset), At(last, offset));
        var measured = runs.LabelNoise.Values[name][j];
        yield return new PowerResult("flow at half speed",
            SuiteBudget.Budget.Judge(check, @case, runs.Flow.At(name, times[j] / 2) + o.Offset, measured.Mean, Finite(measured.StdErr),
                Bias(name, j) + o.Bias, $"power: flow at half speed, at t = {times[j]:G3} where it shows most"));
        yield return new PowerResult("σ = 0 control in place of label noise",
            Judge(check, @case, Predicted(name) + end.Offset, gd, Bias(name) + end.Bias, "power: σ = 0 control"));
    }

    /// <summary>
    /// The two power checks of a flow comparison read where its verdict reads, at tracked index <paramref name="j"/>
    /// with the verdict's own bias (docs/theory.md §5): the flow at half speed (its value at t_j/2) in place of the
    /// prediction, and the σ = 0 control's measurement at t_j in place of label noise.
    /// </summary>
    public IEnumerable<PowerResult> PowerAt(string check, string @case, string name, int j, double bias)
    {
        double t = runs.Times[j];
        var measured = runs.LabelNoise.Values[name][j];
        yield return new PowerResult("flow at half speed",
            Judge(check, @case, runs.Flow.At(name, t / 2), measured, bias, $"power: flow at half speed, at t = {t:G3} where the verdict reads"));
        yield return new PowerResult("σ = 0 control in place of label noise",
            Judge(check, @case, runs.Flow.At(name, t), runs.Runs[RunKind.PlainGd].Values[name][j], bias, $"power: σ = 0 control at t = {t:G3}"));
    }

    private static double Finite(double se) => double.IsFinite(se) ? se : 0;
}
