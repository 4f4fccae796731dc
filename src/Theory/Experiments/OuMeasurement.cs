using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// Measured second moments of the normal coordinates <c>c = Qᵀ(θ_k − θ*)</c> (docs/theory.md §2, "Checks"): one n × n
/// matrix per antithetic pair, averaged over the pair's two chains and over the chosen snapshots. Pairs are
/// independent, so the spread of a quadratic form <c>vᵀ M_j v</c> over pairs gives its standard error even though the
/// snapshots within a chain are correlated.
/// </summary>
/// <param name="PerPair">The per-pair second-moment matrices.</param>
/// <param name="Method">How they were obtained, for reports.</param>
public sealed record OuMeasurement(IReadOnlyList<Matrix<double>> PerPair, string Method)
{
    /// <summary>Time average over every snapshot of a stationary-start experiment.</summary>
    public static OuMeasurement Stationary(ChainExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        int count = experiment.Result.SnapshotSteps.Count;
        if (count == 0) throw new InvalidInputException("plan.sampleEvery", "is 0; the OU check needs snapshots");
        return FromSnapshots(experiment, Enumerable.Range(0, count).ToArray(),
            $"time average of {count} snapshots × {experiment.Plan.Pairs} antithetic pairs");
    }

    /// <summary>The second moment at one snapshot (e.g. the transient from <c>u_0 = 0</c>).</summary>
    public static OuMeasurement AtSnapshot(ChainExperiment experiment, int snapshot)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (snapshot < 0 || snapshot >= experiment.Result.SnapshotSteps.Count)
            throw new InvalidInputException("snapshot", $"must index one of {experiment.Result.SnapshotSteps.Count} snapshots, got {snapshot}");
        return FromSnapshots(experiment, [snapshot],
            $"step {experiment.Result.SnapshotSteps[snapshot]} over {experiment.Plan.Pairs} antithetic pairs");
    }

    /// <summary>
    /// Per-pair samples of <c>vᵀ M_j v</c> for a unit vector v in normal coordinates.
    /// </summary>
    public double[] QuadraticForm(Vector<double> v) => PerPair.Select(m => v * m * v).ToArray();

    /// <summary>Per-pair samples of <c>tr M_j</c>.</summary>
    public double[] Trace() => PerPair.Select(m => m.Trace()).ToArray();

    private static OuMeasurement FromSnapshots(ChainExperiment experiment, int[] snapshots, string method)
    {
        var frame = experiment.Case.Frame;
        var center = experiment.Case.Theta;
        int n = frame.Count, p = center.Length, pairs = experiment.Plan.Pairs;
        var perPair = new Matrix<double>[pairs];
        var offset = new double[p];
        for (int j = 0; j < pairs; j++)
        {
            var m = Matrix<double>.Build.Dense(n, n);
            foreach (int s in snapshots)
            {
                for (int member = 0; member < 2; member++)
                {
                    var theta = experiment.Result.Snapshots[s][2 * j + member];
                    for (int k = 0; k < p; k++) offset[k] = theta[k] - center[k];
                    var c = Vector<double>.Build.DenseOfArray(frame.Coordinates(offset));
                    m += c.OuterProduct(c);
                }
            }
            perPair[j] = m / (2.0 * snapshots.Length);
        }
        return new OuMeasurement(perPair, method);
    }
}
