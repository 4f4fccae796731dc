using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// How much simulation the theory-versus-simulation properties spend (docs/theory.md §5), per tier (<see cref="Tier"/>).
/// Every property that shares an arbitrary uses the same <see cref="Cases"/>, so FsCheck draws the same cases for
/// them and <see cref="StationaryRuns"/> simulates each case once.
/// </summary>
internal static class SimulationPlans
{
    /// <summary>FsCheck cases per property.</summary>
    public const int Cases = 3;

    /// <summary>The seed of starts, batches and label noise.</summary>
    public const ulong Seed = 20200701;

    /// <summary>Stationary-start chains: OU covariance (snapshots) and dynamic drift (Rao–Blackwell).</summary>
    public static RunPlan Stationary { get; } =
        Tier.Pick(RunPlan.Antithetic(1000, 1000, 25, Seed), RunPlan.Antithetic(4000, 2000, 25, Seed));

    /// <summary>I.i.d. antithetic pairs of the static drift check.</summary>
    public static int StaticPairs { get; } = Tier.Pick(20_000, 100_000);

    /// <summary>Pairs of the transient check from <c>u_0 = 0</c>.</summary>
    public static int TransientPairs { get; } = Tier.Pick(5000, 20_000);

    /// <summary>
    /// The transient snapshot k: about <c>0.35/(ηλ_min)</c>, at least 1, where the slowest normal direction still lacks
    /// a fraction <c>(1 − ηλ_min)^{2k}</c> ≈ 0.25–0.6 of its stationary variance (about <c>e^{−0.7}</c> for small ηλ_min).
    /// </summary>
    public static int TransientStep(TheoryCase @case)
    {
        double slowest = @case.Sgd.Eta * @case.Frame.HessianEigenvalues[0];
        return (int)Math.Clamp(Math.Round(0.35 / slowest), 1, 500);
    }

    /// <summary>The part of the stationary variance still missing along the slowest direction at snapshot k.</summary>
    public static double TransientDeficit(TheoryCase @case, int k) =>
        Math.Pow(1 - @case.Sgd.Eta * @case.Frame.HessianEigenvalues[0], 2 * k);
}
