using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;
using Vec = NoiseDrift.Theory.Geometry.Vectors;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// Judges the final θ of a <c>run</c> (docs/conformance.md) with the suite's error budget (docs/theory.md §5,
/// <see cref="SuiteBudget"/>): the variance of the normal coordinates <c>Qᵀ(θ_K − θ*)</c> along each eigenvector of the
/// predicted <c>S_K</c> and its trace (centred, 4th-moment standard errors, <see cref="CovarianceComparison"/>), and the
/// mean tangent displacement <c>P(θ_K − θ*)</c> along the predicted direction. Each row's tolerance is
/// <c>z·SE + bias</c>, the bias bound being the stated remainder times the prediction (<see cref="Row"/>, which
/// <see cref="RunPower"/> also uses, so the power is that of these rows).
/// </summary>
public static class RunJudge
{
    /// <summary>The verdict rows of one run.</summary>
    public static IReadOnlyList<CheckResult> Judge(RunCase run, double[][] finals, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(finals);
        var c = run.Case;
        var frame = NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        var predicted = RunPrediction.Of(run, frame, StepRule.Correct);
        var offsets = finals.Select(t => t.Select((v, k) => v - c.Theta[k]).ToArray()).ToArray();
        var coordinates = offsets.Select(u => frame.Coordinates(u)).ToArray();
        var direction = DriftDirection(predicted);
        var along = offsets.Select(u => Vec.Dot(frame.ProjectTangent(u), direction)).ToArray();
        return Rows(run.Name, predicted, coordinates, along, budget);
    }

    /// <summary>The unit vector along the predicted K-step displacement, on which <c>run:drift</c> projects.</summary>
    public static double[] DriftDirection(RunPrediction predicted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        double size = Vec.Norm(predicted.Displacement);
        return predicted.Displacement.Select(v => v / size).ToArray();
    }

    /// <summary>
    /// The rows from the chains' normal coordinates (C × n) and their tangent displacements along
    /// <see cref="DriftDirection"/> (C), however they were measured.
    /// </summary>
    public static IReadOnlyList<CheckResult> Rows(string name, RunPrediction predicted, IReadOnlyList<double[]> coordinates,
        double[] along, ErrorBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(along);
        var comparison = CovarianceComparison.Compare(coordinates, predicted.Covariance, knownZeroMean: false);
        var rows = new List<CheckResult>();
        foreach (var q in comparison.Directions.Append(comparison.Trace))
        {
            rows.Add(Row($"run:ou_cov {q.Label}", name, q.Predicted, q.Measured, q.StdErr, predicted.RelativeBias, budget,
                "variance of Q^T(theta_K - theta*) vs transient S_K (docs/theory.md §2)"));
        }
        double size = Vec.Norm(predicted.Displacement);
        var mean = MeanEstimate.Of(along);
        rows.Add(Row("run:drift", name, size, mean.Mean, mean.StdErr, predicted.RelativeBias, budget,
            "mean P(theta_K - theta*) along the predicted K-step exact-S drift (docs/theory.md §3)"));
        return rows;
    }

    /// <summary>
    /// One row of the run judge (docs/theory.md §5): tolerance <c>z·SE + relativeBias·|predicted|</c> with the budget's z
    /// (the suite's by default). <see cref="RunPower"/> asks this method for the tolerance it computes power against.
    /// </summary>
    public static CheckResult Row(string check, string name, double predicted, double measured, double stdErr,
        double relativeBias, ErrorBudget? budget = null, string detail = "") =>
        (budget ?? SuiteBudget.Budget).Judge(check, name, predicted, measured, stdErr, relativeBias * Math.Abs(predicted), detail);
}
