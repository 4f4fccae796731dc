using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The linear-spline interpolant of 1-D data (docs/theory.md §4.2): the piecewise-linear function through the points
/// <c>(x_i, y_i)</c> sorted by x, continued beyond the hull along its end segments. The reference shape against which
/// label-noise SGD on the 1-D ReLU network is measured ("simple piecewise-linear interpolations").
/// </summary>
public sealed class LinearSpline
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>The spline through the points; needs at least one point and distinct x (throws on field <c>data.x</c>).</summary>
    public LinearSpline(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Length(y.Count, x.Count, "y");
        if (x.Count == 0) throw new InvalidInputException("x", "needs at least one point");
        var order = Enumerable.Range(0, x.Count).OrderBy(i => x[i]).ToArray();
        _x = order.Select(i => x[i]).ToArray();
        _y = order.Select(i => y[i]).ToArray();
        Guard.Finite(_x, "x");
        Guard.Finite(_y, "y");
        for (int k = 1; k < _x.Length; k++)
        {
            if (_x[k] == _x[k - 1])
                throw new InvalidInputException("x", $"has the point {Guard.Format(_x[k])} twice; a spline needs distinct x");
        }
    }

    /// <summary>The knots (sorted x).</summary>
    public IReadOnlyList<double> Knots => _x;

    /// <summary>The values at the knots.</summary>
    public IReadOnlyList<double> Values => _y;

    /// <summary>The slope of segment k, between knots k and k + 1 (n − 1 slopes).</summary>
    public double[] Slopes => Enumerable.Range(0, _x.Length - 1).Select(Slope).ToArray();

    /// <summary>The discrete curvatures: the slope change at each interior knot, right minus left (n − 2 values).</summary>
    public double[] SlopeChanges => Enumerable.Range(1, Math.Max(_x.Length - 2, 0)).Select(k => Slope(k) - Slope(k - 1)).ToArray();

    /// <summary>The spline at x (linear continuation outside the hull; a constant for a single point).</summary>
    public double Value(double x)
    {
        if (_x.Length == 1) return _y[0];
        int k = Array.BinarySearch(_x, x);
        if (k < 0) k = ~k - 1;
        k = Math.Clamp(k, 0, _x.Length - 2);
        return _y[k] + Slope(k) * (x - _x[k]);
    }

    /// <summary>
    /// <c>max |f(x) − spline(x)|</c> over the hull <c>[x_min, x_max]</c>, on <paramref name="pointsPerSegment"/> evenly
    /// spaced points per segment (both ends included).
    /// </summary>
    public double MaxDistance(Func<double, double> f, int pointsPerSegment = 64)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Positive(pointsPerSegment, "pointsPerSegment");
        double worst = Math.Abs(f(_x[0]) - _y[0]);
        for (int k = 0; k + 1 < _x.Length; k++)
        {
            for (int s = 1; s <= pointsPerSegment; s++)
            {
                double x = _x[k] + (_x[k + 1] - _x[k]) * s / pointsPerSegment;
                worst = Math.Max(worst, Math.Abs(f(x) - Value(x)));
            }
        }
        return worst;
    }

    private double Slope(int k) => (_y[k + 1] - _y[k]) / (_x[k + 1] - _x[k]);
}
