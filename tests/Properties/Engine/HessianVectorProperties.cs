using FsCheck.Xunit;
using NoiseDrift.Engine.Random;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>H_i v</c> equals the central difference of the exact gradients along v (THEORY.md §1), and
/// <c>u·H_i v = v·H_i u</c>. Smooth activations only: for kinks the Hessian is not continuous. Directions are drawn
/// from the case (<see cref="Directions"/>), so they replay with the seed.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class HessianVectorProperties
{
    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Mlp_hvp_matches_fd(NetworkCase c) => HvpMatchesFd(c);

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Dag_hvp_matches_fd(NetworkCase c) => HvpMatchesFd(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_hvp_matches_fd(NetworkCase c) => HvpMatchesFd(c);

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Sigmoid_hvp_matches_fd(NetworkCase c) => HvpMatchesFd(c);

    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Mlp_hessian_is_symmetric(NetworkCase c) => Symmetric(c);

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Dag_hessian_is_symmetric(NetworkCase c) => Symmetric(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_hessian_is_symmetric(NetworkCase c) => Symmetric(c);

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

    private static void HvpMatchesFd(NetworkCase c) =>
        CheckAssert.Passes(DerivativeChecks.HessianVector(c.Model, c.Theta, c.Data, Directions(c).V));

    private static void Symmetric(NetworkCase c)
    {
        var (u, v) = Directions(c);
        CheckAssert.Passes(DerivativeChecks.HessianSymmetry(c.Model, c.Theta, c.Data, u, v));
    }
}
