using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// A sample mean with its standard error <c>s/√N</c> (docs/theory.md §5). The samples must be independent, e.g. one value
/// per chain or per antithetic pair (average the pair first: the pair members are dependent by construction).
/// </summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="StdErr">The standard error of the mean, <c>s/√N</c> with the unbiased sample deviation s.</param>
/// <param name="Count">The number of independent samples N.</param>
public sealed record MeanEstimate(double Mean, double StdErr, int Count)
{
    /// <summary>The mean and its standard error of independent samples (docs/theory.md §5); N ≥ 2.</summary>
    public static MeanEstimate Of(ReadOnlySpan<double> samples)
    {
        if (samples.Length < 2)
            throw new InvalidInputException("samples", $"has {samples.Length} values; a standard error needs at least 2");
        Guard.Finite(samples, "samples");
        double mean = 0;
        foreach (var v in samples) mean += v;
        mean /= samples.Length;
        double squares = 0;
        foreach (var v in samples) squares += (v - mean) * (v - mean);
        double variance = squares / (samples.Length - 1);
        return new MeanEstimate(mean, Math.Sqrt(variance / samples.Length), samples.Length);
    }
}
