using MathNet.Numerics.Distributions;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// The power of <see cref="RunJudge"/> against a wrong step rule (docs/theory.md §5, power). Under the wrong rule the
/// normal coordinates have covariance <c>S′_K</c>; the variance estimate along a predicted eigenvector v has mean
/// <c>vᵀS′v</c> and standard error <c>√((E(vᵀu)⁴ − (vᵀS′v)²)/C)</c>, the exact fourth moment of the linearized chain
/// (<see cref="ChainMoments"/>; the trace likewise with <c>E|u|⁴</c>). A row rejects when
/// <c>|measured − predicted| &gt; z·SE + bias</c>, so its rejection probability is at least <c>Φ(m)</c> with the margin
/// <c>m = (|Δ| − bias − z·SE) / SE</c> in standard errors. The power is that of the best row.
/// </summary>
/// <param name="Rule">The wrong rule.</param>
/// <param name="Margin">The best row's margin m.</param>
/// <param name="Row">Which row.</param>
/// <param name="Shift"><c>|Δ| / (z·SE + bias)</c> of that row: how many tolerances out the wrong rule lands on average.</param>
public sealed record RunPower(StepRule Rule, double Margin, string Row, double Shift)
{
    /// <summary>The margin that makes the rejection probability at least 1 − 1e-6.</summary>
    public static double RequiredMargin { get; } = -Normal.InvCDF(0, 1, 1e-6);

    /// <summary>A lower bound on the probability of rejection, <c>Φ(m)</c>.</summary>
    public double Probability => Normal.CDF(0, 1, Margin);

    /// <summary>The power against every wrong rule of <see cref="StepRule.Wrong"/>.</summary>
    public static IReadOnlyList<RunPower> Against(RunCase run, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Case;
        var frame = NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        var correct = RunPrediction.Of(run, frame, StepRule.Correct);
        return Against(frame, c.Sgd, run.Run.Steps, run.Run.Chains, correct, budget);
    }

    /// <summary>
    /// The power of the <c>run:ou_cov</c> rows of <see cref="RunJudge"/> against every wrong rule, for K =
    /// <paramref name="steps"/> steps of <paramref name="chains"/> chains of <paramref name="sgd"/> in
    /// <paramref name="frame"/>, whose correct prediction is <paramref name="correct"/>. Each tolerance is the one
    /// <see cref="RunJudge.Row"/> gives the wrong rule's mean and standard error, so a weaker judge has less power.
    /// </summary>
    public static IReadOnlyList<RunPower> Against(NormalFrame frame, Engine.Sgd.SgdProblem sgd, int steps, int chains,
        RunPrediction correct, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(correct);
        return StepRule.Wrong(frame.Count, sgd.Batch).Select(rule => Of(frame, sgd, steps, chains, correct, rule, budget)).ToArray();
    }

    private static RunPower Of(NormalFrame frame, Engine.Sgd.SgdProblem sgd, int steps, int chains, RunPrediction correct,
        StepRule rule, ErrorBudget? budget)
    {
        var moments = ChainMoments.Of(rule, frame, sgd, steps);
        var wrong = moments.Second;
        var best = (Margin: double.NegativeInfinity, Row: "", Shift: 0.0);
        for (int j = 0; j <= frame.Count; j++)
        {
            double predicted, actual, fourth;
            string row;
            if (j < frame.Count)
            {
                var v = correct.Covariance.Eigenvectors.Column(j);
                predicted = correct.Covariance.Eigenvalues[j];
                actual = v * (wrong * v);
                fourth = moments.FourthAlong(v);
                row = $"eigen[{j}]";
            }
            else
            {
                predicted = correct.Covariance.Trace;
                actual = wrong.Trace();
                fourth = moments.FourthOfNorm();
                row = "trace";
            }
            double se = Math.Sqrt(Math.Max(0, fourth - actual * actual) / chains);
            var judged = RunJudge.Row($"run:ou_cov {row}", rule.Name, predicted, actual, se, correct.RelativeBias, budget);
            double distance = Math.Abs(actual - predicted);
            double margin = (distance - judged.Tolerance) / se;
            if (margin > best.Margin) best = (margin, row, distance / judged.Tolerance);
        }
        return new RunPower(rule, best.Margin, best.Row, best.Shift);
    }
}
