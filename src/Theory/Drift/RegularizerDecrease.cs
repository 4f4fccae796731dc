using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Drift;

/// <summary>
/// The predicted per-step change of reg along the drift (docs/theory.md §3, "Regularizer"). To first order
/// <c>Δreg = ∇reg · d</c>; with <c>d = −(η²σ²/(4B)) P ∇reg</c> and P symmetric idempotent this is
/// <c>−(η²σ²/(4B)) ||P ∇reg||² ≤ 0</c>: the drift lowers reg.
/// </summary>
public static class RegularizerDecrease
{
    /// <summary><c>−(η²σ²/(4B)) ||P ∇reg||²</c> (docs/theory.md §3).</summary>
    public static double Leading(RegularizerValue reg, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(reg);
        ArgumentNullException.ThrowIfNull(sgd);
        double norm = reg.TangentGradientNorm;
        return -sgd.Eta * sgd.NoiseScale / 4 * norm * norm;
    }

    /// <summary><c>∇reg · d</c> for any predicted per-step drift d (docs/theory.md §3).</summary>
    public static double Along(RegularizerValue reg, ReadOnlySpan<double> drift)
    {
        ArgumentNullException.ThrowIfNull(reg);
        return Vectors.Dot(reg.Gradient, drift);
    }
}
