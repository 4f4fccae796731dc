using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;
using Vec = NoiseDrift.Theory.Geometry.Vectors;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// Judges the final θ of a <c>run</c> (CONFORMANCE.md §2) with the suite's error budget (THEORY.md §5,
/// <see cref="SuiteBudget"/>): the variance of the normal coordinates <c>Qᵀ(θ_K − θ*)</c> along each eigenvector of the
/// predicted <c>S_K</c> and its trace (centred, 4th-moment standard errors, <see cref="CovarianceComparison"/>), and the
/// mean tangent displacement <c>P(θ_K − θ*)</c> along the predicted direction. Each row's bias bound is the stated
/// remainder times the prediction.
/// </summary>
public static class RunJudge
{
    /// <summary>The verdict rows of one run.</summary>
    public static IReadOnlyList<CheckResult> Judge(RunCase run, double[][] finals, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(finals);
        budget ??= SuiteBudget.Budget;
        var c = run.Case;
        var frame = NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        var predicted = RunPrediction.Of(run, frame, StepRule.Correct);
        var offsets = finals.Select(t => t.Select((v, k) => v - c.Theta[k]).ToArray()).ToArray();
        var coordinates = offsets.Select(u => frame.Coordinates(u)).ToArray();
        var comparison = CovarianceComparison.Compare(coordinates, predicted.Covariance, knownZeroMean: false);
        var rows = new List<CheckResult>();
        foreach (var q in comparison.Directions.Append(comparison.Trace))
        {
            rows.Add(budget.Judge($"run:ou_cov {q.Label}", run.Name, q.Predicted, q.Measured, q.StdErr,
                predicted.RelativeBias * Math.Abs(q.Predicted),
                "variance of Q^T(theta_K - theta*) vs transient S_K (THEORY.md §2)"));
        }
        double size = Vec.Norm(predicted.Displacement);
        var direction = predicted.Displacement.Select(v => v / size).ToArray();
        var along = offsets.Select(u => Vec.Dot(frame.ProjectTangent(u), direction)).ToArray();
        var mean = MeanEstimate.Of(along);
        rows.Add(budget.Judge("run:drift", run.Name, size, mean.Mean, mean.StdErr, predicted.RelativeBias * size,
            "mean P(theta_K - theta*) along the predicted K-step exact-S drift (THEORY.md §3)"));
        return rows;
    }
}
