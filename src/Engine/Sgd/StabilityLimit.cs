using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The linear stability limit of full-batch SGD, <c>η &lt; 2/λ_max</c> with <c>λ_max</c> the largest eigenvalue of
/// <c>G = (1/n) JᵀJ</c> (THEORY.md §2). <c>λ_max</c> is found by power iteration on the <c>n × n</c> matrix
/// <c>(1/n) J Jᵀ</c>, whose nonzero spectrum equals G's; no <c>p × p</c> matrix is formed.
/// </summary>
public static class StabilityLimit
{
    /// <summary><c>λ_max</c> of <c>G = (1/n) JᵀJ</c> at θ.</summary>
    public static double LargestCurvature(Model model, Dataset data, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta);
        int n = data.Count, p = model.ParameterCount;
        var jacobian = new double[n * p];
        model.Jacobian(theta, data.X, new double[n], jacobian, model.CreateWorkspace(n));
        var gram = new double[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            gram[i * n + j] = gram[j * n + i] =
                TensorPrimitives.Dot(jacobian.AsSpan(i * p, p), jacobian.AsSpan(j * p, p)) / n;
        return SymmetricPowerIteration.LargestEigenvalue(gram, n);
    }

    /// <summary><c>2/λ_max</c> at θ (+∞ when G = 0).</summary>
    public static double MaximumStep(Model model, Dataset data, ReadOnlySpan<double> theta) =>
        2.0 / LargestCurvature(model, data, theta);

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> on <c>sgd.eta</c> when <c>η λ_max ≥ 2</c> at θ, naming η, the limit
    /// <c>2/λ_max</c> and <c>λ_max</c> (DESIGN.md: η beyond the stability limit is bad input).
    /// </summary>
    public static void Require(Model model, Dataset data, ReadOnlySpan<double> theta, double eta)
    {
        double lambda = LargestCurvature(model, data, theta);
        if (eta * lambda >= 2)
            throw new InvalidInputException("sgd.eta", $"= {Guard.Format(eta)} is at or beyond the stability limit " +
                $"2/λ_max = {Guard.Format(2 / lambda)} (λ_max = {Guard.Format(lambda)}, the largest eigenvalue of " +
                $"G = (1/n)JᵀJ at theta); SGD would diverge");
    }
}
