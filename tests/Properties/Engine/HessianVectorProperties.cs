using NoiseDrift.Engine.Random;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>H_i v</c> equals the central difference of the exact gradients along v (docs/theory.md §1), on the smooth families.
/// Directions are drawn from the case (<see cref="Directions"/>), so they replay with the seed.
/// </summary>
public sealed class HessianVectorProperties : SmoothModelFamilyProperties
{
    /// <summary>Two standard normal directions of length p, drawn deterministically from the case.</summary>
    public static (double[] U, double[] V) Directions(NetworkCase c)
    {
        int seed = c.Theta.Aggregate(17, (h, t) => h * 31 + t.GetHashCode());
        var random = new Random(seed);
        var u = new double[c.Theta.Length];
        var v = new double[c.Theta.Length];
        for (int k = 0; k < u.Length; k++) (u[k], v[k]) = (BoxMuller.Next(random), BoxMuller.Next(random));
        return (u, v);
    }

    protected override void Check(NetworkCase c) =>
        CheckAssert.Passes(DerivativeChecks.HessianVector(c.Model, c.Theta, c.Data, Directions(c).V));
}
