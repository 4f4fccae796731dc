namespace NoiseDrift.Theory.Settings;

/// <summary>
/// MINIMAL piece written by the reproduction issue while the settings issue's sigmoid closed forms had not landed:
/// the share cost and the predicted allocation of THEORY.md §4.3. On M, <c>reg = Σ_j φ(v_j)</c> at best with
/// <c>φ(v) = v²C/(1 + v²C)</c>, <c>Σ v_j = y</c>, <c>C = ||x||² + 1</c>.
/// </summary>
public static class SigmoidAllocation
{
    /// <summary><c>φ(v) = v²C/(1 + v²C)</c>, the least cost of a neuron with share v (THEORY.md §4.3).</summary>
    public static double Phi(double v, double c) => v * v * c / (1 + v * v * c);

    /// <summary><c>φ'(v) = 2vC/(1 + v²C)²</c>.</summary>
    public static double PhiSlope(double v, double c) => 2 * v * c / Math.Pow(1 + v * v * c, 2);

    /// <summary>The equal split over m neurons, every share <c>y/m</c>; cost <c>m φ(y/m)</c>.</summary>
    public static double[] EqualSplit(double y, int m) => Enumerable.Repeat(y / m, m).ToArray();

    /// <summary>
    /// The one-carrier critical point: one share V and m − 1 equal small shares w with <c>φ'(w) = φ'(V)</c>,
    /// <c>V + (m − 1)w = y</c> (THEORY.md §4.3, "exact minimizer"); w solved by bisection on (0, y/m). Sorted ascending,
    /// the carrier last.
    /// </summary>
    public static double[] OneCarrier(double y, int m, double c)
    {
        double lo = 0, hi = y / m;
        double Gap(double w) => PhiSlope(w, c) - PhiSlope(y - (m - 1) * w, c);
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (Gap(mid) > 0) hi = mid; else lo = mid;
        }
        double small = (lo + hi) / 2;
        return [.. Enumerable.Repeat(small, m - 1), y - (m - 1) * small];
    }

    /// <summary><c>Σ φ(v_j)</c>.</summary>
    public static double Cost(IEnumerable<double> shares, double c) => shares.Sum(v => Phi(v, c));

    /// <summary>The global allocation: the cheaper of the equal split and the one-carrier point.</summary>
    public static double[] Global(double y, int m, double c)
    {
        var equal = EqualSplit(y, m);
        var one = OneCarrier(y, m, c);
        return Cost(one, c) < Cost(equal, c) ? one : equal;
    }

    /// <summary>
    /// Whether the equal split is a local minimum of <c>Σφ</c> on <c>Σv = y</c>: every share in φ's convex range,
    /// <c>u = y√C/m &lt; 1/√3</c> (THEORY.md §4.3, "Local picture").
    /// </summary>
    public static bool EqualSplitIsLocalMinimum(double y, int m, double c) => Math.Abs(y) * Math.Sqrt(c) / m < 1 / Math.Sqrt(3);

    /// <summary>
    /// The allocation the dynamics reach from a start with the given shares (THEORY.md §4.3, "Local picture"): the
    /// equal split when it is a local minimum and every start share lies in φ's convex range <c>|v| &lt; 1/√(3C)</c>
    /// (where Σφ is convex, so the flow stays and ends at the equal split); otherwise the one-carrier point when q &gt; m
    /// and the equal split when q &lt; m (the global allocation).
    /// </summary>
    public static double[] Reached(IReadOnlyList<double> startShares, double y, double c)
    {
        ArgumentNullException.ThrowIfNull(startShares);
        int m = startShares.Count;
        bool convexStart = startShares.All(v => Math.Abs(v) < 1 / Math.Sqrt(3 * c));
        return EqualSplitIsLocalMinimum(y, m, c) && convexStart ? EqualSplit(y, m) : Global(y, m, c);
    }
}
