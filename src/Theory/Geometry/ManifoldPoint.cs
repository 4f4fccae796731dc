using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Geometry;

/// <summary>The requirement that θ* lies on the zero-loss manifold M (THEORY.md §1), where §2–§3 apply.</summary>
public static class ManifoldPoint
{
    /// <summary>θ counts as on M when <c>max_i |r_i| ≤ Tolerance · (1 + max_i |y_i|)</c>.</summary>
    public const double Tolerance = 1e-8;

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> on field <c>theta</c> when the frame's residuals show θ is not on M:
    /// the drift of THEORY.md §3 is an expansion around a zero-loss point.
    /// </summary>
    public static void Require(NormalFrame frame, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(data);
        double scale = 1 + data.Y.Select(Math.Abs).Max(), worst = frame.MaxResidual;
        if (worst <= Tolerance * scale) return;
        throw new InvalidInputException("theta",
            $"is not on the zero-loss manifold: max_i |h(x_i; θ) − y_i| = {Guard.Format(worst)} > " +
            $"{Guard.Format(Tolerance * scale)}; find θ* ∈ M first (THEORY.md §1)");
    }
}
