using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Drift;

/// <summary>
/// The predicted per-step tangent drift <c>E[P (θ_{k+1} − θ_k)]</c> at θ* (docs/theory.md §3), exact-S and leading order
/// side by side, with the covariance and regularizer they came from.
/// </summary>
/// <param name="Exact"><c>−η (1/n) Σ_i P H_i S g_i</c> with the exact finite-η S (length p).</param>
/// <param name="Leading"><c>−(η²σ²/(4B)) P ∇reg</c> (length p).</param>
/// <param name="Covariance">The exact S used, in normal coordinates.</param>
/// <param name="Regularizer"><c>reg</c>, <c>∇reg</c>, <c>P ∇reg</c> at θ*.</param>
/// <param name="Sgd">The SGD settings the prediction is for.</param>
public sealed record DriftPrediction(
    double[] Exact, double[] Leading, OuCovariance Covariance, RegularizerValue Regularizer, SgdProblem Sgd)
{
    /// <summary>Predicted per-step change of reg from the exact drift, <c>∇reg · d_exact</c> (docs/theory.md §3).</summary>
    public double ExactRegChange => Vectors.Dot(Regularizer.Gradient, Exact);

    /// <summary>Predicted per-step change of reg at leading order, <c>−(η²σ²/(4B)) ||P ∇reg||²</c> (docs/theory.md §3).</summary>
    public double LeadingRegChange => RegularizerDecrease.Leading(Regularizer, Sgd);
}
