using NoiseDrift.Engine.Data;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Function-level readings of the 1-D ReLU network (docs/theory.md §4.2, "measure the function, not the neurons"): its
/// distance to the linear-spline interpolant on the hull, its kinks inside the hull (by more than <see cref="KinkResolution"/>) whose summed slope change
/// exceeds <see cref="KinkThreshold"/>, and the balance of its active neurons.
/// </summary>
public static class Relu1DFunction
{
    /// <summary>A kink of h counts when the summed jump of h' there exceeds this (slopes of the data are O(1)).</summary>
    public const double KinkThreshold = 0.05;

    /// <summary>
    /// Neuron kinks within this distance of a group's first kink are one kink of h, their jumps summed (an eighth of
    /// the data spacing 0.4): a pair that nearly cancels, a few thousandths apart, bends h by far less than it jumps.
    /// </summary>
    public const double KinkResolution = 0.05;

    /// <summary><c>max |h − spline|</c> on the hull, 64 points per data interval.</summary>
    public static double SplineDistance(double[] theta, Dataset data, int width)
    {
        var setting = new Relu1DSetting(width, theta, data);
        var spline = new LinearSpline(data.X, data.Y);
        return spline.MaxDistance(x => Value(setting, x));
    }

    /// <summary>
    /// The number of kinks of h inside the hull with summed jump above <see cref="KinkThreshold"/>, inside by more than
    /// <see cref="KinkResolution"/>: at the count's own resolution a kink closer to an end of the hull is on that end
    /// data point, where it does not bend h inside the hull (docs/theory.md §4.2, "End state at the horizon").
    /// </summary>
    public static int InteriorKinks(double[] theta, Dataset data, int width) => Interior(theta, data, width).Count();

    /// <summary>
    /// The number of kinks of h inside the hull (as <see cref="InteriorKinks"/>) that sit on a data point: within
    /// <see cref="KinkResolution"/> of an interior x_i, where J loses rank and label noise can dwell (docs/theory.md §4.2,
    /// "Kinks on data points").
    /// </summary>
    public static int DataPointKinks(double[] theta, Dataset data, int width)
    {
        ArgumentNullException.ThrowIfNull(data);
        double lo = data.X.Min(), hi = data.X.Max();
        var interior = data.X.Where(x => x > lo && x < hi).ToArray();
        return Interior(theta, data, width).Count(k => interior.Any(x => Math.Abs(k.Position - x) <= KinkResolution));
    }

    private static IEnumerable<(double Position, double SlopeChange)> Interior(double[] theta, Dataset data, int width)
    {
        ArgumentNullException.ThrowIfNull(data);
        var setting = new Relu1DSetting(width, theta, data);
        double lo = data.X.Min() + KinkResolution, hi = data.X.Max() - KinkResolution;
        return Relu1DShape.FunctionKinks(setting, KinkResolution)
            .Where(k => k.Position > lo && k.Position < hi && Math.Abs(k.SlopeChange) > KinkThreshold);
    }

    /// <summary>The mean of <c>|log balance ratio|</c> over active neurons (0 when all are balanced).</summary>
    public static double Imbalance(double[] theta, Dataset data, int width)
    {
        var ratios = Relu1DShape.Neurons(new Relu1DSetting(width, theta, data))
            .Where(n => n.ActiveCount > 0 && double.IsFinite(n.BalanceRatio) && n.BalanceRatio > 0).Select(n => Math.Abs(Math.Log(n.BalanceRatio))).ToArray();
        return ratios.Length == 0 ? 0 : ratios.Average();
    }

    /// <summary>
    /// The mean of <c>(log balance ratio)²</c> over active neurons weighted by each neuron's balanced cost
    /// <c>2|a_j w_j| C(κ_j)</c> (0 when all are balanced): quadratic in the ratio's log, so the OU spread enters its mean
    /// at second order, as <see cref="OuSpreadBias"/> bounds; the weight keeps out neurons that carry nothing, whose
    /// ratio the OU fluctuation moves by orders of magnitude.
    /// </summary>
    public static double SquaredImbalance(double[] theta, Dataset data, int width)
    {
        var active = Relu1DShape.Neurons(new Relu1DSetting(width, theta, data))
            .Where(n => n.ActiveCount > 0 && double.IsFinite(n.BalanceRatio) && n.BalanceRatio > 0 && n.Cost > 0).ToArray();
        double total = active.Sum(n => n.Cost);
        return total == 0 ? 0 : active.Sum(n => n.Cost * Math.Log(n.BalanceRatio) * Math.Log(n.BalanceRatio)) / total;
    }

    /// <summary>h(x) from the closed form.</summary>
    public static double Value(Relu1DSetting setting, double x)
    {
        ArgumentNullException.ThrowIfNull(setting);
        double h = setting.C;
        for (int j = 0; j < setting.Width; j++) h += setting.A(j) * Math.Max(0, setting.W(j) * x + setting.B(j));
        return h;
    }
}
