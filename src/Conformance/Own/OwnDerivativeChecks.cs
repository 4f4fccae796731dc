using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Judging;
using Vec = NoiseDrift.Theory.Geometry.Vectors;

namespace NoiseDrift.Conformance.Own;

/// <summary>
/// The derivative battery on an implementation's own model (docs/conformance.md, section 3;
/// docs/theory.md §1), built only from its answers at θ*: J against central differences of its <c>forward</c> along random
/// unit directions, every <c>H_i v</c> against central differences of its <c>jacobian</c> along v,
/// <c>u·H_i v = v·H_i u</c>, <c>reg</c> against <c>(1/n)‖J‖²</c> of its own J, and <c>∇reg</c> against central
/// differences of its <c>reg</c>. Tolerances are the derived bounds of <see cref="FiniteDifference"/> plus the
/// rounding of the exact side (the dot products formed here are bounded by <c>p·ε·Σ|a_k b_k|</c>). Directional
/// differences keep the cost independent of p: a few requests, whatever the size of the network. Kinked models
/// (ReLU) are judged only where no kink lies within the difference stencil.
/// </summary>
public static class OwnDerivativeChecks
{
    /// <summary>The random directions for the Jacobian and <c>∇reg</c> checks.</summary>
    public const int DirectionCount = 2;

    /// <summary>Every derivative row; directions are drawn from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<CheckResult> Run(OwnClient client, int seed)
    {
        ArgumentNullException.ThrowIfNull(client);
        var model = client.Model;
        var theta = model.Theta;
        int n = model.Count, p = model.ParameterCount;
        var random = new System.Random(seed);
        string name = model.Case;
        var rows = new List<CheckResult>();
        var (_, jacobian) = client.Jacobian(theta);

        var jv = new ComponentVerdict("own:jacobian", name);
        for (int d = 0; d < DirectionCount; d++)
        {
            var v = UnitNormal(random, p);
            var (estimate, bound) = Along(n, t => client.Forward(Shift(theta, v, t)));
            for (int i = 0; i < n; i++)
            {
                var g = jacobian.AsSpan(i * p, p);
                double exact = Vec.Dot(g, v);
                jv.Add(estimate[i], exact, bound[i] + DotRounding(g, v), $"direction {d}, example {i}");
            }
        }
        rows.Add(jv.Result("J v vs central differences of forward along unit v"));

        var u = UnitNormal(random, p);
        var w = UnitNormal(random, p);
        var hw = client.Hvp(theta, w);
        var hvp = new ComponentVerdict("own:hvp", name);
        var (fd, fdBound) = Along(n * p, t => client.Jacobian(Shift(theta, w, t)).Jacobian);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
                hvp.Add(fd[i * p + k], hw[i][k], fdBound[i * p + k] + Rounding(hw[i][k]), $"example {i}, component {k}");
        rows.Add(hvp.Result("H_i v vs central differences of jacobian along unit v"));

        var hu = client.Hvp(theta, u);
        var symmetry = new ComponentVerdict("own:hessian_symmetry", name);
        for (int i = 0; i < n; i++)
        {
            double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                               (Vec.Norm(hw[i]) + Vec.Norm(hu[i]) + 1) + DotRounding(u, hw[i]) + DotRounding(w, hu[i]);
            symmetry.Add(Vec.Dot(u, hw[i]), Vec.Dot(w, hu[i]), tolerance, $"example {i}");
        }
        rows.Add(symmetry.Result("predicted u·H_i v, measured v·H_i u (unit u, v)"));

        double reference = jacobian.Sum(x => x * x) / n;
        var reg = new ComponentVerdict("own:reg", name);
        reg.Add(reference, client.Reg(theta), FiniteDifference.Safety * (Rounding(reference) + p * n * FiniteDifference.Epsilon * reference),
            "reg vs (1/n)||J||^2");
        rows.Add(reg.Result("reg vs (1/n)||J||^2 of the program's own jacobian"));

        var (regAgain, gradient) = client.GradReg(theta);
        var gradReg = new ComponentVerdict("own:grad_reg", name);
        gradReg.Add(reference, regAgain, FiniteDifference.Safety * (Rounding(reference) + p * n * FiniteDifference.Epsilon * reference),
            "grad_reg's reg vs (1/n)||J||^2");
        for (int d = 0; d < DirectionCount; d++)
        {
            var v = UnitNormal(random, p);
            var (estimate, bound) = Along(1, t => [client.Reg(Shift(theta, v, t))]);
            double exact = Vec.Dot(gradient, v);
            gradReg.Add(estimate[0], exact, bound[0] + DotRounding(gradient, v), $"direction {d}");
        }
        rows.Add(gradReg.Result("grad_reg·v vs central differences of reg along unit v"));
        return rows;
    }

    private static (double[] Estimate, double[] Bound) Along(int length, Func<double, double[]> f)
    {
        var estimate = new double[length];
        var bound = new double[length];
        FiniteDifference.Derivative((t, output) => f(t).CopyTo(output), length, estimate, bound);
        return (estimate, bound);
    }

    private static double[] Shift(double[] theta, double[] v, double t)
    {
        var shifted = (double[])theta.Clone();
        Vec.AddScaled(shifted, v, t);
        return shifted;
    }

    private static double Rounding(double value) =>
        FiniteDifference.RoundingFactor * FiniteDifference.Epsilon * Math.Max(1, Math.Abs(value));

    /// <summary>The rounding bound of a computed dot product, <c>p·ε·Σ|a_k b_k|</c>.</summary>
    private static double DotRounding(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += Math.Abs(a[k] * b[k]);
        return a.Length * FiniteDifference.Epsilon * sum;
    }

    private static double[] UnitNormal(System.Random random, int p)
    {
        var v = new double[p];
        for (int k = 0; k < p; k++) v[k] = BoxMuller.Next(random);
        double norm = Vec.Norm(v);
        for (int k = 0; k < p; k++) v[k] /= norm;
        return v;
    }
}
