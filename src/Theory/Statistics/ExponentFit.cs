using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// A power law <c>y ≈ C x^b</c> fitted by least squares on <c>ln y = ln C + b ln x</c> (docs/theory.md §5), e.g. the
/// scaling of S with <c>ησ²/B</c> (§2) or of movement with η (§3 "Stability"). With standard errors of y the weights
/// are <c>1/σ_i²</c>, <c>σ_i = SE(y_i)/y_i</c> (delta method), and the slope's SE follows from those weights alone;
/// without them the fit is unweighted and the SE comes from the residual scatter.
/// </summary>
/// <param name="Slope">The exponent b.</param>
/// <param name="SlopeStdErr">Its standard error.</param>
/// <param name="Intercept"><c>ln C</c>.</param>
/// <param name="InterceptStdErr">Its standard error.</param>
/// <param name="ChiSquared">The weighted residual sum of squares (unweighted: the plain residual sum of squares).</param>
/// <param name="DegreesOfFreedom">Points minus 2.</param>
public sealed record ExponentFit(
    double Slope, double SlopeStdErr, double Intercept, double InterceptStdErr, double ChiSquared, int DegreesOfFreedom)
{
    /// <summary>The confidence interval <c>b ± z · SE(b)</c>, e.g. with the z of an error budget (<c>Judging.ErrorBudget.Z</c>).</summary>
    public (double Low, double High) Interval(double z) => (Slope - z * SlopeStdErr, Slope + z * SlopeStdErr);

    /// <summary>
    /// Fits <c>y = C x^b</c> to positive (x, y) (docs/theory.md §5). <paramref name="stdErr"/>, if given, holds SE(y_i) &gt; 0;
    /// then at least 2 points are needed, otherwise at least 3.
    /// </summary>
    public static ExponentFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double>? stdErr = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Length(y.Count, x.Count, "y");
        if (stdErr is not null) Guard.Length(stdErr.Count, x.Count, "stdErr");
        int count = x.Count, needed = stdErr is null ? 3 : 2;
        if (count < needed)
            throw new InvalidInputException("x", $"has {count} points; the fit needs at least {needed}");
        var lx = new double[count];
        var ly = new double[count];
        var w = new double[count];
        for (int i = 0; i < count; i++)
        {
            Guard.Positive(x[i], $"x[{i}]");
            Guard.Positive(y[i], $"y[{i}]");
            lx[i] = Math.Log(x[i]);
            ly[i] = Math.Log(y[i]);
            if (stdErr is null) { w[i] = 1; continue; }
            Guard.Positive(stdErr[i], $"stdErr[{i}]");
            double relative = stdErr[i] / y[i];
            w[i] = 1 / (relative * relative);
        }
        double s = w.Sum(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < count; i++)
        {
            sx += w[i] * lx[i];
            sy += w[i] * ly[i];
            sxx += w[i] * lx[i] * lx[i];
            sxy += w[i] * lx[i] * ly[i];
        }
        double delta = s * sxx - sx * sx;
        if (!(delta > 1e-12 * s * sxx))
            throw new InvalidInputException("x", "needs at least two distinct values");
        double slope = (s * sxy - sx * sy) / delta, intercept = (sxx * sy - sx * sxy) / delta;
        double chi2 = 0;
        for (int i = 0; i < count; i++) chi2 += w[i] * Math.Pow(ly[i] - intercept - slope * lx[i], 2);
        int dof = count - 2;
        double scale = stdErr is null ? chi2 / dof : 1;
        return new ExponentFit(slope, Math.Sqrt(scale * s / delta), intercept, Math.Sqrt(scale * sxx / delta), chi2, dof);
    }
}
