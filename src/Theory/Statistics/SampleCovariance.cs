using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Theory.Statistics;

/// <summary>The sample covariance of low-dimensional vectors, e.g. normal coordinates of <c>Π_N(θ − θ*)</c> (docs/theory.md §2, §5).</summary>
public static class SampleCovariance
{
    /// <summary>
    /// <c>(1/N) Σ x_s x_sᵀ</c> when the mean is known to be 0 (<paramref name="knownZeroMean"/>, e.g. the stationary OU
    /// process), otherwise <c>(1/(N−1)) Σ (x_s − x̄)(x_s − x̄)ᵀ</c>. For n-dimensional coordinates only: n × n.
    /// </summary>
    public static Matrix<double> Of(IReadOnlyList<double[]> samples, bool knownZeroMean = true)
    {
        int dimension = VectorMeanEstimate.Validate(samples);
        var center = Center(samples, dimension, knownZeroMean);
        var sum = Matrix<double>.Build.Dense(dimension, dimension);
        foreach (var x in samples)
        {
            var d = Vector<double>.Build.Dense(dimension, k => x[k] - center[k]);
            sum += d.OuterProduct(d);
        }
        return sum / (knownZeroMean ? samples.Count : samples.Count - 1);
    }

    internal static double[] Center(IReadOnlyList<double[]> samples, int dimension, bool knownZeroMean)
    {
        var center = new double[dimension];
        if (knownZeroMean) return center;
        foreach (var x in samples)
            for (int k = 0; k < dimension; k++) center[k] += x[k] / samples.Count;
        return center;
    }
}
