namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The least <c>reg</c> of a two-layer ReLU network whose h is a straight line of slope s on 1-D data (docs/theory.md §4.2).
/// After balancing, <c>reg = 1 + Σ_j 2|a_j w_j| C(κ_j)</c>. A straight line on the hull needs its slope from neurons
/// whose kinks either lie outside the hull or cancel: an R neuron (w &gt; 0) and an L neuron (w &lt; 0) at the same
/// kink κ, each with slope change s, leave h linear and cost <c>2|s| (C_R(κ) + C_L(κ))</c>, where the side with no
/// active data point costs nothing. Cost is linear in the slope, so one such pair at the best κ is optimal.
/// <para>
/// Two minima are reported, because they differ: over kinks off the data (where J keeps its rank) and over kinks on
/// a data point (where that point is inactive on both sides, which is cheaper, and where J loses rank and the flow
/// stops).
/// </para>
/// </summary>
public static class Relu1DLineCost
{
    /// <summary>Grid points per interval between consecutive data points, for the minimum off the data.</summary>
    private const int GridPerInterval = 4000;

    /// <summary>
    /// <c>C(κ) = (1/n) sqrt(Σ_{i active}(x_i − κ)² · Σ_{i active}(x_i² + 1))</c> of an R neuron (active where
    /// <c>x &gt; κ</c>) or an L neuron (active where <c>x &lt; κ</c>); 0 when no point is active.
    /// </summary>
    public static double KinkCost(IReadOnlyList<double> x, double kink, bool rightward)
    {
        ArgumentNullException.ThrowIfNull(x);
        double squares = 0, moments = 0;
        foreach (double xi in x)
        {
            if (rightward ? xi <= kink : xi >= kink) continue;
            squares += (xi - kink) * (xi - kink);
            moments += xi * xi + 1;
        }
        return Math.Sqrt(squares * moments) / x.Count;
    }

    /// <summary><c>1 + 2|s| (C_R(κ) + C_L(κ))</c>: reg of the line built from a cancelling pair at κ.</summary>
    public static double PairReg(IReadOnlyList<double> x, double slope, double kink) =>
        1 + 2 * Math.Abs(slope) * (KinkCost(x, kink, true) + KinkCost(x, kink, false));

    /// <summary>The least <see cref="PairReg"/> over kinks off the data (grid over every open interval, and just outside the hull).</summary>
    public static (double Kink, double Reg) LeastOffData(IReadOnlyList<double> x, double slope)
    {
        ArgumentNullException.ThrowIfNull(x);
        var sorted = x.Order().ToArray();
        double width = sorted[^1] - sorted[0];
        var edges = sorted.Prepend(sorted[0] - width).Append(sorted[^1] + width).ToArray();
        (double Kink, double Reg) best = (double.NaN, double.PositiveInfinity);
        for (int g = 0; g + 1 < edges.Length; g++)
        {
            for (int k = 1; k < GridPerInterval; k++)
            {
                double kink = edges[g] + (edges[g + 1] - edges[g]) * k / GridPerInterval;
                double reg = PairReg(x, slope, kink);
                if (reg < best.Reg) best = (kink, reg);
            }
        }
        return best;
    }

    /// <summary>The least <see cref="PairReg"/> with the kink on a data point.</summary>
    public static (double Kink, double Reg) LeastOnData(IReadOnlyList<double> x, double slope)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Select(xi => (Kink: xi, Reg: PairReg(x, slope, xi))).MinBy(c => c.Reg);
    }
}
