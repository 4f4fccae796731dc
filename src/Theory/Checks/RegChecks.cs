using NoiseDrift.Engine.Data;

using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Checks of <c>reg(θ) = (1/n) Σ_i ||g_i||² = (1/n) ||J||_F²</c> and <c>∇reg = (2/n) Σ_i H_i g_i</c> (docs/theory.md §1)
/// against independent references: the explicit Jacobian, finite-difference gradients, and central differences of
/// the engine's own <c>reg</c>. Tolerances are derived as in <see cref="FiniteDifference"/>.
/// </summary>
public static class RegChecks
{
    /// <summary>
    /// The engine's <c>reg</c> against the mean squared row norm of the explicit J (batch <c>Jacobian</c>). A sum of
    /// squares is well conditioned: tolerance <c>Safety · RoundingFactor · ε · max(1, reg)</c>.
    /// </summary>
    public static CheckResult BruteForce(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var (th, p, ws) = DerivativeChecks.Prepare(model, theta, data);
        int n = data.Count;
        var outputs = new double[n];
        var jacobian = new double[n * p];
        model.Jacobian(th, data.X, outputs, jacobian, ws);
        double reference = DerivativeChecks.Dot(jacobian, jacobian) / n;
        double measured = model.Reg(th, data.X, ws);
        double tolerance = FiniteDifference.Safety * DerivativeChecks.ExactRounding(reference);
        return Verdict("reg_bruteforce", model, data, reference, measured, tolerance,
            "reg vs (1/n)||J||_F^2 from the explicit Jacobian");
    }

    /// <summary>
    /// The engine's <c>reg</c> against <c>(1/n) Σ_i ||ĝ_i||²</c> with ĝ the central-difference gradients; with
    /// per-component bound b, the tolerance is <c>(1/n) Σ (2|ĝ| b + b²)</c> plus rounding.
    /// </summary>
    public static CheckResult FiniteDifferences(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var (th, p, ws) = DerivativeChecks.Prepare(model, theta, data);
        int n = data.Count;
        var fd = new double[p]; var bound = new double[p];
        double reference = 0, tolerance = 0;
        for (int i = 0; i < n; i++)
        {
            ModelDifferences.Gradient(model, th, data.Row(i).ToArray(), fd, bound);
            for (int k = 0; k < p; k++)
            {
                reference += fd[k] * fd[k] / n;
                tolerance += (2 * Math.Abs(fd[k]) * bound[k] + bound[k] * bound[k]) / n;
            }
        }
        double measured = model.Reg(th, data.X, ws);
        tolerance += DerivativeChecks.ExactRounding(reference);
        return Verdict("reg_fd", model, data, reference, measured, tolerance,
            "reg vs (1/n) sum ||g_i||^2 with g_i from central differences of h");
    }

    /// <summary>The engine's <c>∇reg</c> against central differences of its <c>reg</c>, coordinate by coordinate.</summary>
    public static CheckResult Gradient(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var (th, p, ws) = DerivativeChecks.Prepare(model, theta, data);
        var exact = new double[p]; var fd = new double[p]; var bound = new double[p];
        model.RegGradient(th, data.X, exact, ws);
        ModelDifferences.RegGradient(model, th, data.X, fd, bound);
        var verdict = new ComponentVerdict("reg_gradient", DerivativeChecks.Case(model, data));
        for (int k = 0; k < p; k++)
            verdict.Add(fd[k], exact[k], bound[k] + DerivativeChecks.ExactRounding(exact[k]), $"theta[{k}]");
        return verdict.Result("grad reg vs central differences of reg");
    }

    private static CheckResult Verdict(string check, Model model, Dataset data, double reference, double measured,
        double tolerance, string detail)
    {
        var verdict = new ComponentVerdict(check, DerivativeChecks.Case(model, data));
        verdict.Add(reference, measured, tolerance, "reg");
        return verdict.Result(detail);
    }
}
