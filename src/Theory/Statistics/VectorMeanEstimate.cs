using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// The mean of independent vector samples with a per-component standard error (docs/theory.md §5), e.g. the per-step
/// drift estimate of each antithetic pair. No p × p covariance is formed; use <see cref="Projection"/> for the
/// standard error along a direction.
/// </summary>
/// <param name="Mean">The component-wise sample mean.</param>
/// <param name="StdErr">The component-wise standard error <c>s_k/√N</c>.</param>
/// <param name="Count">The number of independent samples N.</param>
public sealed record VectorMeanEstimate(double[] Mean, double[] StdErr, int Count)
{
    /// <summary>The component-wise mean and standard errors of N ≥ 2 independent samples of equal length.</summary>
    public static VectorMeanEstimate Of(IReadOnlyList<double[]> samples)
    {
        int dimension = Validate(samples);
        var mean = new double[dimension];
        var stdErr = new double[dimension];
        var column = new double[samples.Count];
        for (int k = 0; k < dimension; k++)
        {
            for (int s = 0; s < samples.Count; s++) column[s] = samples[s][k];
            var estimate = MeanEstimate.Of(column);
            mean[k] = estimate.Mean;
            stdErr[k] = estimate.StdErr;
        }
        return new VectorMeanEstimate(mean, stdErr, samples.Count);
    }

    /// <summary>
    /// The mean of <c>vᵀ x_s</c> over the samples with its standard error (docs/theory.md §5): the SE of the projection of
    /// the mean onto <paramref name="direction"/>, including all covariances between components.
    /// </summary>
    public static MeanEstimate Projection(IReadOnlyList<double[]> samples, ReadOnlySpan<double> direction)
    {
        int dimension = Validate(samples);
        Guard.Length(direction.Length, dimension, "direction");
        var projected = new double[samples.Count];
        for (int s = 0; s < samples.Count; s++)
        {
            double sum = 0;
            for (int k = 0; k < dimension; k++) sum += direction[k] * samples[s][k];
            projected[s] = sum;
        }
        return MeanEstimate.Of(projected);
    }

    internal static int Validate(IReadOnlyList<double[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
            throw new InvalidInputException("samples", $"has {samples.Count} vectors; a standard error needs at least 2");
        int dimension = samples[0].Length;
        for (int s = 0; s < samples.Count; s++)
        {
            Guard.Length(samples[s].Length, dimension, $"samples[{s}]");
            Guard.Finite(samples[s], $"samples[{s}]");
        }
        return dimension;
    }
}
