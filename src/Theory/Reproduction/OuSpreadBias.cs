using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The OU spread's bias on an observable read at <c>Proj_M θ</c> (docs/theory.md §4.3, "Bias bounds of the end-state
/// verdicts"): the chains sit at <c>θ + u</c> with u normal, of covariance S (the exact stationary S at θ), and
/// <c>f(Proj_M(θ + u))</c> differs from <c>f(θ)</c> at second order in u because the projection is curved. Along each
/// eigenvector e_k of S (eigenvalue λ_k) the mean of f over <c>u = ±√λ_k e_k</c> minus f(θ) is the second-order term of
/// that direction; the bound is the sum of their absolute values.
/// </summary>
public static class OuSpreadBias
{
    /// <summary><c>Σ_k ½ |f(Proj(θ + √λ_k e_k)) + f(Proj(θ − √λ_k e_k)) − 2 f(θ)|</c> at θ on M.</summary>
    public static double Of(Model model, Dataset data, SgdProblem sgd, double[] theta, ProjectedObservable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        var frame = NormalFrame.At(model, theta, data);
        var s = StationaryCovariance.Exact(frame, sgd);
        double centre = observable.Of(theta), bias = 0;
        for (int k = 0; k < s.Eigenvalues.Length; k++)
        {
            var direction = frame.Embed(s.Eigenvectors.Column(k).Multiply(Math.Sqrt(Math.Max(0, s.Eigenvalues[k]))).ToArray());
            double plus = observable.AtProjection(model, data, [.. theta.Zip(direction, (a, b) => a + b)]);
            double minus = observable.AtProjection(model, data, [.. theta.Zip(direction, (a, b) => a - b)]);
            bias += 0.5 * Math.Abs(plus + minus - 2 * centre);
        }
        return bias;
    }
}
