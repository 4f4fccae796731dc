using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Drift;

/// <summary>
/// The predicted K-step tangent displacement <c>E[P(θ_K − θ_0)] ≈ K d(θ*)</c> and its base-point-motion bias
/// (docs/theory.md §3, "K steps"). Over K steps the base point moves by about <c>K|d|</c>, so the K-step average of the
/// drift is off by about <c>K|d| · ||∇d|| / |d|</c> in relative terms.
/// <para>
/// ||∇d|| is a prediction-side estimate: the finite difference of the exact drift along its own direction,
/// <c>||d(θ′) − d(θ*)|| / ||θ′ − θ*||</c> with <c>θ′ = retract(θ* + h d/|d|)</c> on M and <c>h = max(K|d|, 1e-6 (1 + ||θ*||))</c>.
/// It is the rate of change along the path the chain actually takes, not the operator norm over all directions.
/// </para>
/// </summary>
/// <param name="Steps">K.</param>
/// <param name="Exact"><c>K d_exact</c> (length p).</param>
/// <param name="Leading"><c>K d_lead</c> (length p).</param>
/// <param name="DriftDerivativeNorm">The finite-difference estimate of ||∇d|| along d.</param>
/// <param name="RelativeBias"><c>K |d| · ||∇d|| / |d|</c> (= <c>K ||∇d||</c>); 0 where d = 0.</param>
public sealed record KStepDisplacement(int Steps, double[] Exact, double[] Leading, double DriftDerivativeNorm, double RelativeBias)
{
    /// <summary>The absolute bias bound on the displacement, <see cref="RelativeBias"/> · |K d_exact|.</summary>
    public double AbsoluteBias => RelativeBias * Vectors.Norm(Exact);

    /// <summary>The prediction for K steps from θ* ∈ M (docs/theory.md §3), with the bias estimate described above.</summary>
    public static KStepDisplacement Predict(Model model, ReadOnlySpan<double> theta, Dataset data, SgdProblem sgd, int steps)
    {
        Guard.Positive(steps, "steps");
        var here = TangentDrift.At(model, theta, data, sgd);
        double size = Vectors.Norm(here.Exact);
        double derivative = 0;
        if (size > 0)
        {
            double h = Math.Max(steps * size, 1e-6 * (1 + Vectors.Norm(theta)));
            var moved = theta.ToArray();
            Vectors.AddScaled(moved, here.Exact, h / size);
            moved = ZeroLossProjection.Project(model, data, moved);
            var there = TangentDrift.At(model, moved, data, sgd);
            var change = there.Exact.Zip(here.Exact, (a, b) => a - b).ToArray();
            var offset = moved.Zip(theta.ToArray(), (a, b) => a - b).ToArray();
            derivative = Vectors.Norm(change) / Vectors.Norm(offset);
        }
        return new KStepDisplacement(steps,
            here.Exact.Select(v => steps * v).ToArray(),
            here.Leading.Select(v => steps * v).ToArray(),
            derivative,
            steps * derivative);
    }
}
