using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The recovery transition (docs/theory.md §4.1): for each number of measurements n, from the same seed, the test error of
/// the projected label-noise chains at the horizon and of plain GD (which stays at its interpolant), beside the dual
/// certificate's verdict for that draw.
/// </summary>
public static class MatrixSensingSweep
{
    /// <summary>The measurement counts n = 8, 12, …, 40 at d = 8.</summary>
    public static readonly int[] Sizes = [8, 12, 16, 20, 24, 28, 32, 36, 40];

    /// <summary>
    /// Runs label noise and plain GD for each n of <see cref="Sizes"/>, the sizes at once (each n's draw, start and chains
    /// are keyed by the seed and n alone, so the points, returned in the order of <see cref="Sizes"/>, are the same on any
    /// thread count); progress counts the finished sizes.
    /// </summary>
    public static IReadOnlyList<MatrixSensingSweepPoint> Run(bool quick, ulong seed, IProgress<double>? progress = null)
    {
        int done = 0;
        return [.. Sizes.AsParallel().AsOrdered().Select(n =>
        {
            var point = At(quick, seed, n);
            progress?.Report(Interlocked.Increment(ref done) / (double)Sizes.Length);
            return point;
        })];
    }

    /// <summary>One point: the certificate of the draw on n measurements, and label noise and plain GD from its GD start.</summary>
    private static MatrixSensingSweepPoint At(bool quick, ulong seed, int n)
    {
        var plan = MatrixSensingExperiment.Plan(quick, seed, n);
        var certificate = MatrixSensingCertificate.ForReg(MatrixSensingProblem.Draw(MatrixSensingExperiment.Dimension, 1, n, seed));
        try
        {
            var (_, _, _, runs) = MatrixSensingExperiment.Simulate(plan, [RunKind.LabelNoise, RunKind.PlainGd]);
            return new MatrixSensingSweepPoint(n, certificate, runs.LabelNoise.Final("test_error"),
                runs.Final(RunKind.PlainGd, "test_error").Mean, runs.Flow.At("test_error", runs.Duration), "");
        }
        catch (Exception e) when (e is InvalidOperationException or ArithmeticException or Engine.Validation.InvalidInputException)
        {
            // No regular start on M for this n (plain GD's limit is rank-deficient, typically near X* itself): label
            // noise and the flow are not run, with the reason; plain GD's own error is read where its first draw's
            // descent ended, so the GD curve covers every n.
            var truth = MatrixSensingProblem.Draw(MatrixSensingExperiment.Dimension, 1, n, seed);
            var model = new Engine.Models.MatrixSensing(MatrixSensingExperiment.Dimension, MatrixSensingExperiment.Dimension);
            return new MatrixSensingSweepPoint(n, certificate, new MeanEstimate(double.NaN, double.NaN, 0),
                PlainGdEnd(truth, model, seed, plan.StartSteps), double.NaN, e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Plain GD's test error where its first draw's descent ended (NaN if that descent fails).</summary>
    private static double PlainGdEnd(MatrixSensingProblem truth, Engine.Models.MatrixSensing model, ulong seed, int steps)
    {
        try
        {
            var end = ManifoldStart.PlainDescent(model, truth.Data, MatrixSensingExperiment.Initial(seed, 0), steps);
            return MatrixSensingExperiment.TestError(truth, end.Theta);
        }
        catch (Exception e) when (e is InvalidOperationException or ArithmeticException or Engine.Validation.InvalidInputException)
        {
            return double.NaN;
        }
    }
}

/// <summary>One n of the sweep.</summary>
/// <param name="Size">n.</param>
/// <param name="Certificate">The dual certificate for that draw (W = M).</param>
/// <param name="LabelNoise">The label-noise chains' test error at the horizon.</param>
/// <param name="PlainGd">Plain GD's test error: its start's, or where its first draw's descent ended when no regular start exists.</param>
/// <param name="Flow">The slow flow's test error at the horizon.</param>
/// <param name="Failure">Empty when it ran; otherwise why it could not (label noise and the flow are then NaN).</param>
public sealed record MatrixSensingSweepPoint(int Size, MatrixSensingCertificate Certificate, MeanEstimate LabelNoise, double PlainGd, double Flow,
    string Failure)
{
    /// <summary>Whether the runs of this n ran.</summary>
    public bool Ran => Failure.Length == 0;
}
