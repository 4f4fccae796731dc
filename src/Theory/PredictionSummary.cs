using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Stability;

namespace NoiseDrift.Theory;

/// <summary>
/// Every first-order prediction at θ* ∈ M in one record (docs/theory.md §1–§3): what <c>noisedrift predict</c> prints.
/// Exact finite-η and leading-order forms side by side.
/// </summary>
/// <param name="Reg"><c>reg(θ*)</c> (§1).</param>
/// <param name="GradReg"><c>∇reg(θ*)</c> (§1).</param>
/// <param name="PGradReg"><c>P ∇reg(θ*)</c> (§3).</param>
/// <param name="DriftLeading">Per-step drift <c>−(η²σ²/(4B)) P ∇reg</c> (§3).</param>
/// <param name="DriftExact">Per-step drift <c>−η (1/n) Σ_i P H_i S g_i</c> with the exact S (§3).</param>
/// <param name="OuCovariance">The exact stationary covariance in normal coordinates (§2); eigenvalues ascending.</param>
/// <param name="OuCovarianceLeading">The leading-order eigenvalue <c>ησ²/(2B)</c>, shared by all n directions (§2).</param>
/// <param name="RegChangeLeading">Per-step reg change <c>−(η²σ²/(4B)) ||P ∇reg||²</c> (§3).</param>
/// <param name="RegChangeExact">Per-step reg change <c>∇reg · d_exact</c> (§3).</param>
/// <param name="Stability">The first-order stability classification (§3).</param>
/// <param name="StepSizeLimit">The stability limit <c>2/λ_max</c> on η (§2).</param>
public sealed record PredictionSummary(
    double Reg, double[] GradReg, double[] PGradReg, double[] DriftLeading, double[] DriftExact,
    OuCovariance OuCovariance, double OuCovarianceLeading, double RegChangeLeading, double RegChangeExact,
    StabilityClassification Stability, double StepSizeLimit)
{
    /// <summary>All predictions for (model, θ*, data, η, σ, B, noise law) (docs/theory.md §1–§3).</summary>
    public static PredictionSummary At(Model model, ReadOnlySpan<double> theta, Dataset data, SgdProblem sgd)
    {
        var drift = TangentDrift.At(model, theta, data, sgd);
        var reg = drift.Regularizer;
        var frame = NormalFrame.At(model, theta, data);
        return new PredictionSummary(reg.Reg, reg.Gradient, reg.TangentGradient, drift.Leading, drift.Exact,
            drift.Covariance, sgd.NoiseScale / 2, drift.LeadingRegChange, drift.ExactRegChange,
            StabilityClassification.Classify(reg), SgdProblem.MaximumStep(frame.LargestHessianEigenvalue));
    }
}
