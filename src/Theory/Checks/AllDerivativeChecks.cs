using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Every derivative check, the derivative part of the <c>noisedrift check</c> battery (docs/theory.md §1): every check of
/// <see cref="DerivativeChecks"/> and <see cref="RegChecks"/> on one <c>(model, θ, data)</c>. Directions u, v for the
/// Hessian checks are standard normal, drawn from the seed, so the battery is deterministic.
/// </summary>
public static class AllDerivativeChecks
{
    /// <summary>Runs the first-derivative checks, and the second-derivative ones when <paramref name="smooth"/>.</summary>
    /// <param name="model">The model under test.</param>
    /// <param name="theta">θ, length p.</param>
    /// <param name="data">The data; examples are checked one by one.</param>
    /// <param name="seed">Seeds the Hessian directions u, v.</param>
    /// <param name="smooth">False for kinked activations (ReLU, leaky ReLU), whose <c>∇reg</c> needs H (see
    /// <see cref="Model.IsSmooth"/>).</param>
    public static IReadOnlyList<CheckResult> Run(Model model, ReadOnlySpan<double> theta, Dataset data, int seed,
        bool smooth = true)
    {
        var results = new List<CheckResult>
        {
            DerivativeChecks.Gradient(model, theta, data),
            DerivativeChecks.LossGradient(model, theta, data),
            RegChecks.BruteForce(model, theta, data),
            RegChecks.FiniteDifferences(model, theta, data),
        };
        if (!smooth) return results;
        var random = new System.Random(seed);
        var u = Normal(random, model.ParameterCount);
        var v = Normal(random, model.ParameterCount);
        results.Add(DerivativeChecks.HessianVector(model, theta, data, v));
        results.Add(DerivativeChecks.HessianSymmetry(model, theta, data, u, v));
        results.Add(RegChecks.Gradient(model, theta, data));
        return results;
    }

    private static double[] Normal(System.Random random, int length)
    {
        var z = new double[length];
        for (int k = 0; k < length; k++) z[k] = BoxMuller.Next(random);
        return z;
    }
}
