using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// The normal-space second moments of K steps of linearized SGD from <c>u_0 = 0</c> (docs/theory.md §2, "Transient"):
/// <c>S_{k+1} = T(S_k) + N</c>, <c>S_0 = 0</c>, with T the expected second-moment map of one step and N the noise
/// covariance per step. Returns <c>S_K</c> and <c>Σ_{k&lt;K} S_k</c>, the sum the K-step tangent drift is linear in (§3).
/// </summary>
public static class TransientMoments
{
    /// <summary><c>(S_K, Σ_{k=0}^{K−1} S_k)</c>.</summary>
    public static (Matrix<double> Final, Matrix<double> Sum) Of(Func<Matrix<double>, Matrix<double>> map, Matrix<double> noise, int steps)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(noise);
        var s = Matrix<double>.Build.Dense(noise.RowCount, noise.RowCount);
        var sum = s.Clone();
        for (int k = 0; k < steps; k++)
        {
            sum += s;
            s = map(s) + noise;
        }
        return (s, sum);
    }
}
