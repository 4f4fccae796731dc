using System.Runtime.CompilerServices;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Random;

/// <summary>
/// The one Box–Muller transform of the project: a standard normal <c>√(−2 ln u₀) cos(2π u₁)</c> from two uniforms
/// (docs/design.md "Engine conventions"), with the engine's own logarithm and cosine (<see cref="NaturalLog"/>,
/// <see cref="Cosine"/>: the same bits on every machine and C library, and in the lanes). <see cref="RandomKey.Gaussian"/> feeds it counter-based uniforms; the derivative
/// checks, the CLI's specimens, the tests and the benchmarks feed it a seeded <see cref="System.Random"/>.
/// </summary>
public static class BoxMuller
{
    private const double TwoPi = 2 * Math.PI;

    /// <summary><c>√(−2 ln u₀) cos(2π u₁)</c> for <c>u₀ ∈ (0, 1]</c>, <c>u₁ ∈ [0, 1)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Normal(double u0, double u1) => Math.Sqrt(-2.0 * NaturalLog.Log(u0)) * Cosine.Cos(TwoPi * u1);

    /// <summary>One <c>N(0, 1)</c> draw from <paramref name="random"/>: <c>u₀ = 1 − NextDouble()</c>, then <c>u₁</c>.</summary>
    public static double Next(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u0 = 1.0 - random.NextDouble();
        return Normal(u0, random.NextDouble());
    }
}
