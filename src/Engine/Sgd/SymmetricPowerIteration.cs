using System.Numerics.Tensors;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The largest eigenvalue of a small symmetric positive-semidefinite <c>n × n</c> matrix (row-major) by power
/// iteration with a Rayleigh-quotient estimate, from a fixed start vector (deterministic).
/// </summary>
internal static class SymmetricPowerIteration
{
    public static double LargestEigenvalue(ReadOnlySpan<double> a, int n, int maxIterations = 5000, double tolerance = 1e-13)
    {
        if (n == 0) return 0;
        var v = new double[n];
        var w = new double[n];
        // A start vector with every coordinate nonzero and unequal, so it is not orthogonal to the top eigenvector
        // except on a measure-zero set.
        for (int i = 0; i < n; i++) v[i] = 1.0 + 0.1 * Math.Sin(i + 1);
        Normalize(v);
        double lambda = 0;
        for (int it = 0; it < maxIterations; it++)
        {
            for (int i = 0; i < n; i++) w[i] = TensorPrimitives.Dot(a.Slice(i * n, n), v);
            double next = TensorPrimitives.Dot(v, w);
            double norm = Normalize(w);
            if (norm == 0) return 0;
            (v, w) = (w, v);
            if (Math.Abs(next - lambda) <= tolerance * Math.Abs(next)) return next;
            lambda = next;
        }
        return lambda;
    }

    private static double Normalize(double[] v)
    {
        double norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
        return norm;
    }
}
