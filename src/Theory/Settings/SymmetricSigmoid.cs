namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The two-layer sigmoid network on one point restricted to its symmetric plane, every neuron alike (docs/theory.md §4.3,
/// "The along-M offset at the equal split"): <c>a_j = α/√m</c> and <c>(w_j, b_j) = ζ (x, 1)/√(mC)</c>, so
/// <c>z_j = √C ζ/√m</c> and <c>h(α, ζ) = √m α s(u)</c>, <c>u = κζ/√m</c>, <c>κ = √C</c>. The plane is orthonormal in θ,
/// label-noise SGD from a point of it stays in it (its gradient is symmetric), and <c>reg = ‖∇h‖²</c> there. Closed
/// forms: <c>∇h = (√m s, ακ s')</c>; <c>∂²h/∂α∂ζ = κ s'</c>, <c>∂²h/∂ζ² = ακ² s''/√m</c>;
/// <c>∂³h/∂α∂ζ² = κ² s''/√m</c>, <c>∂³h/∂ζ³ = ακ³ s'''/m</c>, the others 0.
/// </summary>
/// <param name="Y">The label.</param>
/// <param name="C"><c>C = ‖x‖² + 1</c>.</param>
/// <param name="Width">m.</param>
public sealed record SymmetricSigmoid(double Y, double C, int Width)
{
    private double RootM => Math.Sqrt(Width);

    private double Kappa => Math.Sqrt(C);

    /// <summary>The equal split <c>v_j = y/m</c> at its best activation <c>s = v²C/(1 + v²C)</c>, as (α, ζ).</summary>
    public double[] EqualSplit()
    {
        double v = Y / Width, s = v * v * C / (1 + v * v * C);
        return [RootM * v / s, RootM * Math.Log(s / (1 - s)) / Kappa];
    }

    /// <summary>h(α, ζ).</summary>
    public double Value(double[] p) => RootM * p[0] * Sigmoid2Setting.Logistic(Kappa * p[1] / RootM);

    /// <summary>∇h.</summary>
    public double[] Gradient(double[] p)
    {
        double s = Sigmoid2Setting.Logistic(Kappa * p[1] / RootM), s1 = s * (1 - s);
        return [RootM * s, p[0] * Kappa * s1];
    }

    /// <summary>∇²h, row-major 2 × 2.</summary>
    public double[,] Hessian(double[] p)
    {
        double s = Sigmoid2Setting.Logistic(Kappa * p[1] / RootM), s1 = s * (1 - s), s2 = s1 * (1 - 2 * s);
        return new[,] { { 0, Kappa * s1 }, { Kappa * s1, p[0] * C * s2 / RootM } };
    }

    /// <summary><c>∇³h[e, e]</c> for a direction e, a vector.</summary>
    public double[] Third(double[] p, double[] e)
    {
        double s = Sigmoid2Setting.Logistic(Kappa * p[1] / RootM), s1 = s * (1 - s), s2 = s1 * (1 - 2 * s);
        double s3 = s1 * (1 - 6 * s + 6 * s * s);
        double haz = C * s2 / RootM, hzz = p[0] * C * Kappa * s3 / Width;
        return [haz * e[1] * e[1], 2 * haz * e[0] * e[1] + hzz * e[1] * e[1]];
    }

    /// <summary>reg = ‖∇h‖².</summary>
    public double Reg(double[] p)
    {
        var g = Gradient(p);
        return g[0] * g[0] + g[1] * g[1];
    }

    /// <summary>The unit normal <c>∇h/‖∇h‖</c>.</summary>
    public double[] Normal(double[] p)
    {
        var g = Gradient(p);
        double n = Math.Sqrt(g[0] * g[0] + g[1] * g[1]);
        return [g[0] / n, g[1] / n];
    }

    /// <summary>
    /// Gauss–Newton onto M = {h = y}: <c>p ← p − r ∇h/‖∇h‖²</c> until <c>|r| ≤ 1e-14 (1 + |y|)</c> (at most 100 steps).
    /// </summary>
    public double[] Project(double[] p)
    {
        var q = (double[])p.Clone();
        for (int k = 0; k < 100; k++)
        {
            double r = Value(q) - Y;
            if (Math.Abs(r) <= 1e-14 * (1 + Math.Abs(Y))) break;
            var g = Gradient(q);
            double g2 = g[0] * g[0] + g[1] * g[1];
            q[0] -= r * g[0] / g2;
            q[1] -= r * g[1] / g2;
        }
        return q;
    }

    /// <summary>One label-noise SGD step with noise draw ε: <c>p − η (h − y − σε) ∇h</c>.</summary>
    public double[] Step(double[] p, double eta, double sigma, double epsilon)
    {
        double e = Value(p) - Y - sigma * epsilon;
        var g = Gradient(p);
        return [p[0] - eta * e * g[0], p[1] - eta * e * g[1]];
    }

    /// <summary>
    /// The second derivative of reg along M in arc length at a point of M with tangent t:
    /// <c>tᵀ∇²reg t − (ĝ·∇reg)(tᵀ∇²h t)/‖∇h‖</c>, with <c>∇reg = 2 ∇²h ∇h</c> and
    /// <c>tᵀ∇²reg t = 2(‖∇²h t‖² + ∇³h[t, t]·∇h)</c>.
    /// </summary>
    public double RegCurvatureAlongM(double[] p)
    {
        var g = Gradient(p);
        var h = Hessian(p);
        double norm = Math.Sqrt(g[0] * g[0] + g[1] * g[1]);
        double[] n = [g[0] / norm, g[1] / norm], t = [-n[1], n[0]];
        double[] ht = [h[0, 0] * t[0] + h[0, 1] * t[1], h[1, 0] * t[0] + h[1, 1] * t[1]];
        double[] hg = [h[0, 0] * g[0] + h[0, 1] * g[1], h[1, 0] * g[0] + h[1, 1] * g[1]];
        var ttt = Third(p, t);
        double regTt = 2 * (ht[0] * ht[0] + ht[1] * ht[1] + ttt[0] * g[0] + ttt[1] * g[1]);
        double gradRegN = 2 * (hg[0] * n[0] + hg[1] * n[1]);
        return regTt - gradRegN * (t[0] * ht[0] + t[1] * ht[1]) / norm;
    }
}
