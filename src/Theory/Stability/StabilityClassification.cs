using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Stability;

/// <summary>
/// Stability of θ* ∈ M under label-noise SGD (docs/theory.md §3, "Stability"). θ* repels when the tangent part of ∇reg is
/// non-zero; it is measured by the margin <c>||P ∇reg|| / ||∇reg||</c>, the sine of the angle between ∇reg and N
/// (scale-free, 0 at a critical point of reg on M, 1 when ∇reg is tangent).
/// </summary>
/// <param name="Kind">Repelling when <paramref name="Margin"/> exceeds <paramref name="Tolerance"/>.</param>
/// <param name="Margin"><c>||P ∇reg|| / ||∇reg||</c> (0 when ∇reg = 0).</param>
/// <param name="TangentGradientNorm"><c>||P ∇reg||</c>.</param>
/// <param name="GradientNorm"><c>||∇reg||</c>.</param>
/// <param name="Tolerance">The margin below which θ* counts as a critical point of reg on M.</param>
public sealed record StabilityClassification(
    StabilityKind Kind, double Margin, double TangentGradientNorm, double GradientNorm, double Tolerance)
{
    /// <summary>
    /// The default tolerance on the margin. Numerically <c>P ∇reg</c> at an exact critical point is round-off, a
    /// relative 1e-10 or so for well-conditioned J, and θ* itself is only on M to about 1e-12.
    /// </summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>Classifies from <c>reg</c>, <c>∇reg</c> and <c>P ∇reg</c> (docs/theory.md §3).</summary>
    public static StabilityClassification Classify(RegularizerValue reg, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(reg);
        Guard.NonNegative(tolerance, "tolerance");
        double tangent = reg.TangentGradientNorm, full = reg.GradientNorm;
        double margin = full > 0 ? tangent / full : 0;
        var kind = margin > tolerance ? StabilityKind.Repelling : StabilityKind.StableOrCritical;
        return new StabilityClassification(kind, margin, tangent, full, tolerance);
    }

    /// <summary>Classifies θ* ∈ M for the model and data (docs/theory.md §3); refuses θ off M or rank-deficient J.</summary>
    public static StabilityClassification Classify(Model model, ReadOnlySpan<double> theta, Dataset data,
        double tolerance = DefaultTolerance)
    {
        var frame = NormalFrame.At(model, theta, data);
        ManifoldStart.Require(frame, data);
        return Classify(Regularizer.At(model, theta, data, frame), tolerance);
    }
}
