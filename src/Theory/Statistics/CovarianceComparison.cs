using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// An empirical covariance compared with a predicted one (docs/theory.md §2 "Checks", §5): the variance along each predicted
/// eigenvector and the trace, each with a standard error. The sample variance along v is the mean of <c>w_s²</c>,
/// <c>w_s = vᵀ(x_s − center)</c>; its SE is the sample deviation of <c>w_s²</c> over √N (a 4th-moment estimate, valid
/// for any noise law). The samples must be independent (e.g. one per chain).
/// </summary>
/// <param name="Directions">One comparison per predicted eigenvector, eigenvalues ascending.</param>
/// <param name="Trace">The trace comparison.</param>
public sealed record CovarianceComparison(IReadOnlyList<QuadraticFormComparison> Directions, QuadraticFormComparison Trace)
{
    /// <summary>
    /// Compares samples (in the same normal coordinates as <paramref name="predicted"/>) with it (docs/theory.md §5).
    /// With <paramref name="knownZeroMean"/> the second moment about 0 is used (stationary OU); otherwise the samples
    /// are centred on their mean and the N−1 correction is applied.
    /// </summary>
    public static CovarianceComparison Compare(IReadOnlyList<double[]> samples, OuCovariance predicted, bool knownZeroMean = true)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        int dimension = VectorMeanEstimate.Validate(samples);
        Guard.Length(dimension, predicted.Matrix.RowCount, "samples[0]");
        var center = SampleCovariance.Center(samples, dimension, knownZeroMean);
        double correction = knownZeroMean ? 1 : samples.Count / (samples.Count - 1.0);
        var directions = new List<QuadraticFormComparison>(dimension);
        for (int j = 0; j < dimension; j++)
        {
            var v = predicted.Eigenvectors.Column(j);
            var squares = samples.Select(x => Square(Enumerable.Range(0, dimension).Sum(k => v[k] * (x[k] - center[k])))).ToArray();
            directions.Add(Summarize($"eigen[{j}]", predicted.Eigenvalues[j], squares, correction));
        }
        var norms = samples.Select(x => Enumerable.Range(0, dimension).Sum(k => Square(x[k] - center[k]))).ToArray();
        return new CovarianceComparison(directions, Summarize("trace", predicted.Trace, norms, correction));
    }

    /// <summary>Compares samples with a predicted symmetric matrix (see the other overload).</summary>
    public static CovarianceComparison Compare(IReadOnlyList<double[]> samples, Matrix<double> predicted, bool knownZeroMean = true) =>
        Compare(samples, OuCovariance.Of(predicted, "predicted"), knownZeroMean);

    private static QuadraticFormComparison Summarize(string label, double predicted, double[] squares, double correction)
    {
        var estimate = MeanEstimate.Of(squares);
        return new QuadraticFormComparison(label, predicted, estimate.Mean * correction, estimate.StdErr * correction);
    }

    private static double Square(double v) => v * v;
}
