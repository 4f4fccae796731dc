using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Self-contained checks of a model's exact derivatives (docs/theory.md §1) against finite-difference references whose
/// derived error bound is the tolerance (<see cref="FiniteDifference"/>). Each returns one <see cref="CheckResult"/>
/// for <c>(model, θ, data)</c> reporting its worst component, and is cheap on small nets (a few ms). The
/// <c>reg</c> checks are in <see cref="RegChecks"/>. For kinked activations (ReLU, leaky ReLU) the references are
/// valid only when no pre-activation lies within the largest step (<see cref="FiniteDifference.MaxStep"/>) of a kink.
/// </summary>
public static class DerivativeChecks
{
    /// <summary>Allowance for the exact value's own rounding, in units of ε·max(1, |value|).</summary>
    internal static double ExactRounding(double value) =>
        FiniteDifference.RoundingFactor * FiniteDifference.Epsilon * Math.Max(1, Math.Abs(value));

    /// <summary>Every <c>g_i = ∇_θ h(x_i; θ)</c>, coordinate by coordinate, against central differences of h.</summary>
    public static CheckResult Gradient(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var (th, p, ws) = Prepare(model, theta, data);
        var verdict = new ComponentVerdict("gradient", Case(model, data));
        var exact = new double[p]; var fd = new double[p]; var bound = new double[p];
        for (int i = 0; i < data.Count; i++)
        {
            var x = data.Row(i).ToArray();
            model.Gradient(th, x, exact, ws);
            ModelDifferences.Gradient(model, th, x, fd, bound);
            for (int k = 0; k < p; k++)
                verdict.Add(fd[k], exact[k], bound[k] + ExactRounding(exact[k]), $"example {i}, theta[{k}]");
        }
        return verdict.Result("g_i vs central differences of h");
    }

    /// <summary>Every <c>H_i v</c> against the central difference of the exact gradients along v.</summary>
    public static CheckResult HessianVector(Model model, ReadOnlySpan<double> theta, Dataset data, ReadOnlySpan<double> v)
    {
        var (th, p, ws) = Prepare(model, theta, data);
        var direction = v.ToArray();
        var verdict = new ComponentVerdict("hessian_vector", Case(model, data));
        var exact = new double[p]; var fd = new double[p]; var bound = new double[p];
        for (int i = 0; i < data.Count; i++)
        {
            var x = data.Row(i).ToArray();
            model.HessianVector(th, x, direction, exact, ws);
            ModelDifferences.HessianVector(model, th, x, direction, fd, bound);
            for (int k = 0; k < p; k++)
                verdict.Add(fd[k], exact[k], bound[k] + ExactRounding(exact[k]), $"example {i}, component {k}");
        }
        return verdict.Result("H_i v vs central differences of exact g_i along v");
    }

    /// <summary>
    /// <c>u·H_i v = v·H_i u</c> for every i. Tolerance: <c>Safety · RoundingFactor · ε · (‖u‖‖H_i v‖ + ‖v‖‖H_i u‖ + ‖u‖‖v‖)</c>.
    /// </summary>
    public static CheckResult HessianSymmetry(Model model, ReadOnlySpan<double> theta, Dataset data,
        ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var (th, p, ws) = Prepare(model, theta, data);
        var hu = new double[p]; var hv = new double[p];
        var verdict = new ComponentVerdict("hessian_symmetry", Case(model, data));
        double nu = Norm(u), nv = Norm(v);
        for (int i = 0; i < data.Count; i++)
        {
            var x = data.Row(i);
            model.HessianVector(th, x, v, hv, ws);
            model.HessianVector(th, x, u, hu, ws);
            double uHv = Dot(u, hv), vHu = Dot(v, hu);
            double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                               (nu * Norm(hv) + nv * Norm(hu) + nu * nv);
            verdict.Add(uHv, vHu, tolerance, $"example {i}");
        }
        return verdict.Result("predicted u·H_i v, measured v·H_i u");
    }

    /// <summary>The engine's <c>∇L</c> (batch <c>LossGradient</c> with targets y) against central differences of L.</summary>
    public static CheckResult LossGradient(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var (th, p, ws) = Prepare(model, theta, data);
        var exact = new double[p]; var fd = new double[p]; var bound = new double[p];
        model.LossGradient(th, data.X, data.Y, exact, ws);
        ModelDifferences.LossGradient(model, th, data.X, data.Y, fd, bound);
        var verdict = new ComponentVerdict("loss_gradient", Case(model, data));
        for (int k = 0; k < p; k++) verdict.Add(fd[k], exact[k], bound[k] + ExactRounding(exact[k]), $"theta[{k}]");
        return verdict.Result("grad L vs central differences of L = (1/2n) sum r_i^2");
    }

    /// <summary>The case label: the model's description and n.</summary>
    public static string Case(Model model, Dataset data) => $"{model.Describe()} n={data.Count}";

    internal static (double[] Theta, int P, Workspace Ws) Prepare(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        model.ValidateTheta(theta);
        model.ValidateData(data);
        return (theta.ToArray(), model.ParameterCount, model.CreateWorkspace(data.Count));
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    internal static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
