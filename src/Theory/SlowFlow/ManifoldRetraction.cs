using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.SlowFlow;

/// <summary>
/// Retraction onto the zero-loss manifold M by Gauss–Newton minimum-norm steps <c>θ ← θ − Jᵀ (J Jᵀ)⁻¹ r</c>
/// (THEORY.md §3, "Slow flow"), each through a fresh <see cref="NormalFrame"/>.
/// </summary>
public static class ManifoldRetraction
{
    /// <summary>The default stopping rule <c>max_i |r_i| &lt; 1e-12</c>.</summary>
    public const double DefaultTolerance = 1e-12;

    /// <summary>The default cap on Gauss–Newton steps.</summary>
    public const int DefaultMaxSteps = 50;

    /// <summary>
    /// Returns θ moved onto M: Gauss–Newton minimum-norm steps until <c>max_i |r_i| &lt; tolerance</c>. Throws
    /// <see cref="InvalidInputException"/> on field <c>theta</c> if that fails within <paramref name="maxSteps"/>.
    /// </summary>
    public static double[] Retract(Model model, ReadOnlySpan<double> theta, Dataset data,
        double tolerance = DefaultTolerance, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.Positive(tolerance, "tolerance");
        var current = theta.ToArray();
        double worst = double.NaN;
        for (int step = 0; step <= maxSteps; step++)
        {
            var frame = NormalFrame.At(model, current, data);
            worst = frame.MaxResidual;
            if (worst < tolerance) return current;
            if (step == maxSteps) break;
            var correction = frame.MinimumNormSolution(frame.Residuals);
            for (int k = 0; k < current.Length; k++) current[k] -= correction[k];
        }
        throw new InvalidInputException("theta",
            $"Gauss–Newton retraction to M did not reach max|r_i| < {Guard.Format(tolerance)} in {maxSteps} steps " +
            $"(max|r_i| = {Guard.Format(worst)})");
    }
}
