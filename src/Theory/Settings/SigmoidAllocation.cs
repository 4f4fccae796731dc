using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// How the sigmoid network on one point splits its label among neurons (docs/theory.md §4.3). On M with shares
/// <c>v_j = a_j s(z_j)</c> fixed, the best <c>s(z_j)</c> is <c>v_j²C/(1 + v_j²C)</c> and neuron j then costs
/// <c>φ(v_j) = v_j²C/(1 + v_j²C)</c>, so <c>reg</c> on M reduces to <c>Σ_j φ(v_j)</c> subject to <c>Σ_j v_j = y</c>.
/// In units <c>t = v√C</c>, <c>φ = ψ(t) = t²/(1 + t²)</c>, convex for <c>|t| &lt; 1/√3</c> and concave beyond.
/// </summary>
public static class SigmoidAllocation
{
    /// <summary>The inflection point of ψ, <c>t = v√C = 1/√3</c> (docs/theory.md §4.3).</summary>
    public static readonly double ConvexityEdge = 1 / Math.Sqrt(3);

    /// <summary>The neuron cost <c>φ(v) = v²C/(1 + v²C)</c> (docs/theory.md §4.3).</summary>
    public static double Phi(double v, double c) => v * v * c / (1 + v * v * c);

    /// <summary><c>φ'(v) = 2vC/(1 + v²C)²</c>.</summary>
    public static double PhiDerivative(double v, double c) => 2 * v * c / ((1 + v * v * c) * (1 + v * v * c));

    /// <summary>
    /// <c>φ''(v) = 2C(1 − 3v²C)/(1 + v²C)³</c>: also the Schur complement of reg's (v, s) Hessian at the best s, so the
    /// second-order test of reg restricted to M along shares (docs/theory.md §4.3, "Second-order test").
    /// </summary>
    public static double PhiSecondDerivative(double v, double c)
    {
        double w = 1 + v * v * c;
        return 2 * c * (1 - 3 * v * v * c) / (w * w * w);
    }

    /// <summary>The cost of one neuron with share v and activation s on M: <c>s² + v²(1 − s)²C</c> (since <c>a = v/s</c>, <c>s' = s(1 − s)</c>).</summary>
    public static double NeuronCost(double v, double s, double c) => s * s + v * v * (1 - s) * (1 - s) * c;

    /// <summary>The activation minimizing <see cref="NeuronCost"/> at fixed share: <c>s* = v²C/(1 + v²C)</c> (docs/theory.md §4.3).</summary>
    public static double OptimalActivation(double v, double c) => Phi(v, c);

    /// <summary><c>q = y²C</c> (docs/theory.md §4.3).</summary>
    public static double Q(double y, double c) => y * y * c;

    /// <summary>The cost <c>k q/(k² + q)</c> of splitting y equally over k neurons (docs/theory.md §4.3).</summary>
    public static double EqualSplitCost(int k, double q)
    {
        Guard.Positive(k, "k");
        return k * q / ((double)k * k + q);
    }

    /// <summary>The best equal split among k = 1..m: k = 1 when <c>q &gt; m</c>, k = m when <c>q &lt; m</c> (a tie at q = m gives m).</summary>
    public static int BestEqualSplit(double q, int m)
    {
        Guard.Positive(m, "m");
        return q > m ? 1 : m;
    }

    /// <summary>
    /// Whether the equal split <c>v_j = y/m</c> is a local minimum of <c>Σφ</c> on <c>Σv = y</c>:
    /// <c>u = |y|√C/m &lt; 1/√3</c>, every share in φ's convex range (docs/theory.md §4.3, "Local picture"). Then the
    /// dynamics stay there from nearby starts, even when <c>q &gt; m</c> makes one neuron globally cheaper.
    /// </summary>
    public static bool EqualSplitIsLocalMinimum(double y, double c, int m)
    {
        Guard.Positive(m, "m");
        return Math.Abs(y) * Math.Sqrt(c) / m < ConvexityEdge;
    }

    /// <summary>The equal split <c>v_j = y/m</c> and its cost (the local allocation of docs/theory.md §4.3).</summary>
    public static SigmoidAllocationPrediction EqualSplit(double y, double c, int m)
    {
        Check(y, c, m);
        double t = Math.Abs(y) * Math.Sqrt(c) / m;
        return new SigmoidAllocationPrediction(Enumerable.Repeat(y / m, m).ToArray(), m, m * Psi(t),
            Math.Sign(y) * PsiDerivative(t) * Math.Sqrt(c), Q(y, c));
    }

    /// <summary>
    /// The global minimizer of <c>Σ_j φ(v_j)</c> subject to <c>Σ_j v_j = y</c> (docs/theory.md §4.3), from
    /// <c>φ'(v_j) = λ</c>. <c>φ'</c> rises then falls in |v|, so at most two share values occur: k carriers at the
    /// large root, m − k at the small one. Every k (and the equal split) is solved for its small root by bracketing on
    /// a grid and bisection, and the cheapest is returned. Shares have the sign of y, carriers first.
    /// Covers <c>q</c> up to about 10¹⁰: the grid's smallest small share is <c>10⁻¹⁶/√3</c> in units of √C, whose
    /// partner large share is about 2.6·10⁵ (beyond that no k-carrier split is found and the equal split is returned).
    /// </summary>
    public static SigmoidAllocationPrediction Optimal(double y, double c, int m)
    {
        var best = EqualSplit(y, c, m);
        foreach (var candidate in Critical(y, c, m))
            if (candidate.Cost < best.Cost) best = candidate;
        return best;
    }

    /// <summary>
    /// Every critical point of <c>Σ_j φ(v_j)</c> on <c>Σ_j v_j = y</c> of the two-value form (docs/theory.md §4.3): the
    /// equal split first, then for each k = 1..m − 1 each solution with k carriers at the large root of
    /// <c>φ'(v) = λ</c> and m − k neurons at the small one (bracketed on a grid, refined by bisection), carriers first.
    /// </summary>
    public static IEnumerable<SigmoidAllocationPrediction> Critical(double y, double c, int m)
    {
        Check(y, c, m);
        yield return EqualSplit(y, c, m);
        if (y == 0 || m == 1) yield break;
        double target = Math.Abs(y) * Math.Sqrt(c), root = Math.Sqrt(c);
        for (int k = 1; k < m; k++)
        {
            double Excess(double small) => k * LargeRoot(small) + (m - k) * small - target;
            foreach (double small in Roots(Excess))
            {
                double large = LargeRoot(small);
                double cost = k * Psi(large) + (m - k) * Psi(small);
                var shares = Enumerable.Range(0, m).Select(j => Math.Sign(y) * (j < k ? large : small) / root).ToArray();
                yield return new SigmoidAllocationPrediction(shares, k, cost, Math.Sign(y) * PsiDerivative(small) * root, Q(y, c));
            }
        }
    }

    /// <summary>
    /// The closed-form critical allocation (<see cref="Critical"/>) nearest to <paramref name="shares"/>, comparing
    /// sorted shares by their largest difference: the closed form of the point a flow converged to (docs/theory.md §4.3).
    /// </summary>
    public static SigmoidAllocationPrediction Nearest(double y, double c, IReadOnlyList<double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var sorted = shares.Order().ToArray();
        return Critical(y, c, shares.Count).MinBy(a => a.Shares.Order().Zip(sorted, (p, q) => Math.Abs(p - q)).Max())!;
    }

    /// <summary>The lower bound <c>Σ_j φ(v_j)</c> of reg at fixed shares (docs/theory.md §4.3): reg on M is at least this.</summary>
    public static double SharesCost(IEnumerable<double> shares, double c)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return shares.Sum(v => Phi(v, c));
    }

    private static double Psi(double t) => t * t / (1 + t * t);

    private static double PsiDerivative(double t) => 2 * t / ((1 + t * t) * (1 + t * t));

    /// <summary>The root <c>t ≥ 1/√3</c> of <c>ψ'(t) = ψ'(small)</c> for <c>0 &lt; small ≤ 1/√3</c> (ψ' decreases there).</summary>
    private static double LargeRoot(double small)
    {
        double level = PsiDerivative(small), lo = ConvexityEdge, hi = 2 * ConvexityEdge;
        while (PsiDerivative(hi) > level) hi *= 2;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-15 * hi; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            if (PsiDerivative(mid) > level) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>The sign changes of f on a grid of small shares in (0, 1/√3], each refined by bisection.</summary>
    private static IEnumerable<double> Roots(Func<double, double> f)
    {
        const int points = 800;
        const double smallest = 1e-16;
        double previousT = smallest * ConvexityEdge, previous = f(previousT);
        for (int g = 1; g <= points; g++)
        {
            double t = ConvexityEdge * Math.Pow(smallest, 1 - g / (double)points), value = f(t);
            if (Math.Sign(value) != Math.Sign(previous) || value == 0) yield return Bisect(f, previousT, t, previous);
            (previousT, previous) = (t, value);
        }
    }

    private static double Bisect(Func<double, double> f, double lo, double hi, double fLo)
    {
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-16 * hi; iteration++)
        {
            double mid = 0.5 * (lo + hi), fMid = f(mid);
            if (Math.Sign(fMid) == Math.Sign(fLo)) (lo, fLo) = (mid, fMid);
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static void Check(double y, double c, int m)
    {
        Guard.Finite(y, "y");
        Guard.Positive(c, "C");
        Guard.Positive(m, "m");
    }
}
