using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.SlowFlow;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Where the slow flow from a sigmoid start ends (docs/theory.md §4.3, "The end state from the dynamics"): the flow is
/// integrated on from the horizon T in doublings (T, 2T, …, <see cref="MaxDoublings"/>), and at each reading the
/// critical point of reg on M that Newton reaches from the flow's shares is found
/// (<see cref="SigmoidCriticalPoint.From"/>). Criterion: the flow has converged at t_c when Newton from the flow at
/// t_c and at t_c/2 reaches the same critical point (largest share difference ≤ <see cref="Agreement"/>·(1 + |y|))
/// and that point passes the second-order test. Its shares are the limit. Otherwise the limit is reported as not
/// found and nothing is asserted against it.
/// </summary>
/// <param name="Converged">Whether the criterion held by the last doubling.</param>
/// <param name="Time">t_c, the flow time where it held (or the last time reached).</param>
/// <param name="Limit">The limit's sorted shares (the last Newton point when not converged).</param>
/// <param name="Reg">reg on M at the limit (activations at their best, not through φ).</param>
/// <param name="Curvature">The second-order test's smallest restricted eigenvalue at the limit.</param>
/// <param name="HorizonInBasin">Whether Newton from the flow at T already reaches the limit: the horizon lies in its basin.</param>
/// <param name="Why">Empty when converged; else what failed.</param>
public sealed record SigmoidFlowLimit(bool Converged, double Time, double[] Limit, double Reg, double Curvature, bool HorizonInBasin, string Why)
{
    /// <summary>How many doublings past T the flow is integrated at most.</summary>
    public const int MaxDoublings = 6;

    /// <summary>Two Newton points agree when their largest share difference is at most this times (1 + |y|).</summary>
    public const double Agreement = 1e-8;

    /// <summary>The largest Heun step of the continued flow, in flow time (stable: the flow's largest rate is below 0.1).</summary>
    public const double Step = 5;

    /// <summary>The limit from the flow's states at T/2 and T (on M), integrating on as needed.</summary>
    public static SigmoidFlowLimit Find(Model model, Dataset data, double[] halfway, double[] horizon, double time, double y, int m)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(halfway);
        ArgumentNullException.ThrowIfNull(horizon);
        double c = SigmoidCase.C;
        var atHorizon = Newton(horizon, y, m);
        var previous = Newton(halfway, y, m);
        var current = atHorizon;
        var theta = horizon;
        double t = time;
        for (int doubling = 0; ; doubling++)
        {
            if (Same(previous, current, y) && current.IsLocalMinimum)
                return new(true, t, Sorted(current), current.Reg(c), current.Curvature, Same(atHorizon, current, y), "");
            if (doubling == MaxDoublings)
                return new(false, t, Sorted(current), current.Reg(c), current.Curvature, false,
                    current.Converged ? $"Newton from the flow at t = {t / 2:G4} and t = {t:G4} reached different critical points" +
                        (current.IsLocalMinimum ? "" : " (the last not a local minimum)")
                    : $"Newton from the flow at t = {t:G4} did not converge");
            try
            {
                int steps = Math.Max(1, (int)Math.Ceiling(t / Step));
                theta = RiemannianSlowFlow.Integrate(model, theta, data, t, steps, steps).Final;
            }
            catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
            {
                return new(false, t, Sorted(current), current.Reg(c), current.Curvature, false, $"the flow stopped after t = {t:G4}: {e.Message}");
            }
            t *= 2;
            (previous, current) = (current, Newton(theta, y, m));
        }
    }

    /// <summary>The old share rule (issue 28): the equal split when it is a local minimum and every starting share is in φ's convex range, else the global minimiser.</summary>
    public static double[] ShareRule(double[] startShares, double y, int m)
    {
        ArgumentNullException.ThrowIfNull(startShares);
        double c = SigmoidCase.C;
        bool convexStart = startShares.All(v => Math.Abs(v) * Math.Sqrt(c) < SigmoidAllocation.ConvexityEdge);
        var rule = SigmoidAllocation.EqualSplitIsLocalMinimum(y, c, m) && convexStart ? SigmoidAllocation.EqualSplit(y, c, m) : SigmoidAllocation.Optimal(y, c, m);
        return [.. rule.Shares.Order()];
    }

    private static SigmoidCriticalPoint Newton(double[] theta, double y, int m) =>
        SigmoidCriticalPoint.From(SigmoidShares.Of(theta, SigmoidCase.X, m), y, SigmoidCase.C);

    private static bool Same(SigmoidCriticalPoint a, SigmoidCriticalPoint b, double y) =>
        a.Converged && b.Converged && Sorted(a).Zip(Sorted(b), (p, q) => Math.Abs(p - q)).Max() <= Agreement * (1 + Math.Abs(y));

    private static double[] Sorted(SigmoidCriticalPoint point) => [.. point.Shares.Order()];
}
