namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Central-difference references for the exact derivatives of docs/theory.md §1 (<c>g_i</c>, <c>H_i v</c>, <c>∇reg</c>),
/// each with an error bound that the derivative checks use as their tolerance. Finite differences exist only to check
/// the engine (docs/design.md, "Engine conventions").
/// <para>
/// <b>Error model.</b> Along a line <c>t ↦ f(t)</c> (t = 0 is θ) the central difference
/// <c>D_h = (f(h) − f(−h)) / 2h</c> has truncation error <c>h² f'''(ξ) / 6</c>, <c>|ξ| ≤ h</c>, and, when each value of
/// f carries an absolute rounding error at most <c>e_f</c>, a rounding error at most <c>e_f / h</c>. We take
/// <c>e_f = <see cref="RoundingFactor"/> · ε · max(1, |f|)</c> over the stencil.
/// </para>
/// <para>
/// <b>Curvature estimate.</b> f''' is estimated from the five-point stencil
/// <c>(f(2H) − 2f(H) + 2f(−H) − f(−2H)) / 2H³</c> at the probe step <c>H = ε^{1/5} s</c>, which balances its own
/// truncation (<c>O(H² f⁽⁵⁾)</c>) against its rounding noise (<c>≤ 3 e_f / H³</c>); that noise is added to the
/// estimate, so <c>c₃ = |f'''_est| + 3 e_f / H³</c>.
/// </para>
/// <para>
/// <b>Step choice.</b> The bound <c>h² c₃ / 6 + e_f / h</c> is smallest at <c>h* = (3 e_f / c₃)^{1/3}</c>; the step is
/// h* clamped to <c>[1e-9 s, 1e-5 s]</c>, where s is the scale of the coordinate (<c>max(1, |θ_k|)</c>). The upper
/// clamp keeps the difference from crossing a ReLU kink farther than about <c>1e-5 s</c> from θ; a kink inside the
/// probe stencil only inflates c₃, which shrinks h. The tolerance is <see cref="Safety"/> times the bound, which
/// covers the estimate of f''' being an average over the stencil rather than a supremum.
/// </para>
/// </summary>
public static class FiniteDifference
{
    /// <summary>Machine epsilon of <c>double</c>, 2⁻⁵².</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>Assumed relative rounding error of one evaluation of f, in units of ε (deep nets, long sums).</summary>
    public const double RoundingFactor = 256;

    /// <summary>Multiplier from the estimated error to the tolerance.</summary>
    public const double Safety = 4;

    /// <summary>Largest step, relative to the scale s: keeps the difference away from kinks (see remarks).</summary>
    public const double MaxStep = 1e-5;

    /// <summary>Smallest step, relative to the scale s.</summary>
    public const double MinStep = 1e-9;

    private static readonly double ProbeStep = Math.Pow(Epsilon, 0.2);

    /// <summary>
    /// The derivative <c>f'(0)</c> of a scalar function along a line, and its error bound (see the remarks above).
    /// </summary>
    /// <param name="f">f(t); t = 0 is the base point.</param>
    /// <param name="scale">The natural scale s of t (e.g. <c>max(1, |θ_k|)</c>).</param>
    public static FdEstimate Derivative(Func<double, double> f, double scale = 1)
    {
        Span<double> value = stackalloc double[1], bound = stackalloc double[1];
        Derivative((t, output) => output[0] = f(t), 1, value, bound, scale);
        return new FdEstimate(value[0], bound[0]);
    }

    /// <summary>
    /// The derivative of a vector function <c>f: R → R^m</c> at 0, componentwise, with one shared step (chosen for the
    /// component of largest curvature) and a bound per component.
    /// </summary>
    /// <param name="f">Writes f(t) into its span argument (length <paramref name="length"/>).</param>
    /// <param name="length">m.</param>
    /// <param name="estimate">Receives the central difference per component.</param>
    /// <param name="bound">Receives the tolerance per component.</param>
    /// <param name="scale">The natural scale s of t.</param>
    public static void Derivative(Action<double, Span<double>> f, int length, Span<double> estimate, Span<double> bound,
        double scale = 1)
    {
        double big = ProbeStep * scale;
        var p1 = new double[length]; var m1 = new double[length];
        var p2 = new double[length]; var m2 = new double[length];
        f(big, p1); f(-big, m1); f(2 * big, p2); f(-2 * big, m2);
        double magnitude = Math.Max(1, Math.Max(MaxAbs(p1, m1), MaxAbs(p2, m2)));
        double roundingOfF = RoundingFactor * Epsilon * magnitude;
        double probeNoise = 3 * roundingOfF / (big * big * big);

        var curvature = new double[length];
        double worst = 0;
        for (int j = 0; j < length; j++)
        {
            curvature[j] = Math.Abs(p2[j] - 2 * p1[j] + 2 * m1[j] - m2[j]) / (2 * big * big * big) + probeNoise;
            worst = Math.Max(worst, curvature[j]);
        }

        double step = Math.Clamp(Math.Cbrt(3 * roundingOfF / worst), MinStep * scale, MaxStep * scale);
        f(step, p1); f(-step, m1);
        double rounding = RoundingFactor * Epsilon * Math.Max(magnitude, MaxAbs(p1, m1)) / step;
        for (int j = 0; j < length; j++)
        {
            estimate[j] = (p1[j] - m1[j]) / (2 * step);
            bound[j] = Safety * (step * step * curvature[j] / 6 + rounding);
        }
    }

    private static double MaxAbs(double[] a, double[] b)
    {
        double max = 0;
        for (int j = 0; j < a.Length; j++) max = Math.Max(max, Math.Max(Math.Abs(a[j]), Math.Abs(b[j])));
        return max;
    }
}
