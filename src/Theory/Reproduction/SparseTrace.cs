using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The test error of one dynamics' chains at the read steps, its support part, and the support's position given the
/// off-support β (<see cref="SupportShift"/>, docs/theory.md §7), and the final β.
/// </summary>
/// <param name="Dynamics">What ran.</param>
/// <param name="Steps">The read steps.</param>
/// <param name="Errors"><c>‖β − β*‖²</c> per read, per chain.</param>
/// <param name="SupportErrors"><c>‖β_S − β*_S‖²</c> per read, per chain.</param>
/// <param name="CorrectedErrors"><c>‖β_S − β*_S + Cβ_off‖²</c> per read, per chain: the support's fluctuation about its base point.</param>
/// <param name="Shifts">The shift of the base point per read, per chain.</param>
/// <param name="FinalBeta">β per chain at the horizon.</param>
public sealed record SparseTrace(SparseDynamics Dynamics, int[] Steps, double[][] Errors, double[][] SupportErrors,
    double[][] CorrectedErrors, SupportShift[][] Shifts, double[][] FinalBeta)
{
    /// <summary>The trace of snapshots <c>[read][chain]</c>.</summary>
    public static SparseTrace Of(SparseDynamics dynamics, int[] steps, double[][][] snapshots, QuadraticLinear model,
        SparseRegressionProblem problem, SupportCoupling coupling)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(coupling);
        var betas = snapshots.Select(row => row.Select(t => model.Beta(t)).ToArray()).ToArray();
        var shifts = betas.Select(row => row.Select(coupling.Of).ToArray()).ToArray();
        double SupportError(double[] beta, double[]? shift) =>
            problem.Support.Select((j, k) => beta[j] - problem.Truth[j] + (shift?[k] ?? 0)).Sum(e => e * e);
        return new SparseTrace(dynamics, steps,
            [.. betas.Select(row => row.Select(problem.TestError).ToArray())],
            [.. betas.Select(row => row.Select(b => SupportError(b, null)).ToArray())],
            [.. betas.Select((row, r) => row.Select((b, c) => SupportError(b, shifts[r][c].Shift)).ToArray())],
            shifts, betas[^1]);
    }

    /// <summary>The mean over chains of each chain's average over its last <paramref name="reads"/> reads of <paramref name="values"/>; SE from the chain means.</summary>
    public static MeanEstimate LastPhase(double[][] values, int reads)
    {
        ArgumentNullException.ThrowIfNull(values);
        int chains = values[0].Length;
        var means = Enumerable.Range(0, chains).Select(c => values[^reads..].Average(row => row[c])).ToArray();
        return chains >= 2 ? MeanEstimate.Of(means) : new MeanEstimate(means[0], 0, 1);
    }

    /// <summary><paramref name="quantity"/> of the shifts over the last <paramref name="reads"/> reads, per read and chain.</summary>
    public double[][] LastShifts(int reads, Func<SupportShift, double> quantity) =>
        [.. Shifts[^reads..].Select(row => row.Select(quantity).ToArray())];
}
