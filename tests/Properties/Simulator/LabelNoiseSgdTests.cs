using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// One label-noise SGD step is exactly docs/theory.md §1: at θ* ∈ M the step is <c>(η/B) Σ_{i∈S} ε_i g_i</c>, so the
/// injected ε can be recovered from the step through J and checked for law, variance and batch membership.
/// Error budget: 4000 steps × B draws, bounds at about 6 standard errors.
/// </summary>
public class LabelNoiseSgdTests
{
    private static readonly SimulatorCase Case = SimulatorCase.Tanh;

    /// <summary>ε recovered from <c>Δ = (η/B) Jᵀ ε_S</c>: <c>ε = (B/η) (J Jᵀ)⁻¹ J Δ</c> (zero outside the batch).</summary>
    private static double[][] RecoveredNoise(SgdSettings settings, int steps)
    {
        var sgd = new LabelNoiseSgd(Case.Model, Case.Data, settings);
        var ws = sgd.CreateWorkspace();
        var projector = new TangentProjector(Case.Model, Case.Data, Case.ThetaStar);
        int n = Case.Data.Count, p = Case.Model.ParameterCount;
        var j = Matrix<double>.Build.Dense(n, p, (i, t) => projector.Jacobian[i * p + t]);
        var gram = (j * j.Transpose()).Cholesky();
        var result = new double[steps][];
        var theta = new double[p];
        for (int k = 0; k < steps; k++)
        {
            Case.ThetaStar.CopyTo(theta, 0);
            sgd.Step(theta, 0, k, 1.0, ws);
            var delta = Vector<double>.Build.Dense(p, t => theta[t] - Case.ThetaStar[t]);
            result[k] = gram.Solve(j * delta).Multiply(settings.Problem.Batch / settings.Problem.Eta).ToArray();
        }
        return result;
    }

    [Fact]
    public void Gaussian_label_noise_enters_the_full_batch_step_with_variance_sigma_squared()
    {
        const double sigma = 0.3;
        var eps = RecoveredNoise(new SgdSettings(new SgdProblem(0.05, sigma, Case.Data.Count, NoiseLaw.Gaussian), 42), 4000)
            .SelectMany(e => e).ToArray();
        double mean = eps.Average(), variance = eps.Select(e => e * e).Average();
        double se = sigma * sigma * Math.Sqrt(2.0 / eps.Length);
        Assert.InRange(mean, -6 * sigma / Math.Sqrt(eps.Length), 6 * sigma / Math.Sqrt(eps.Length));
        Assert.InRange(variance, sigma * sigma - 6 * se, sigma * sigma + 6 * se);
    }

    [Fact]
    public void Rademacher_minibatch_noise_is_plus_minus_sigma_on_exactly_B_examples()
    {
        const double sigma = 0.2;
        const int b = 2, steps = 4000;
        int n = Case.Data.Count;
        var eps = RecoveredNoise(new SgdSettings(new SgdProblem(0.05, sigma, b, NoiseLaw.Rademacher), 43), steps);
        var inclusion = new int[n];
        double sum = 0;
        foreach (var e in eps)
        {
            int members = 0;
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(e[i]) < 1e-8) continue;
                Assert.Equal(sigma, Math.Abs(e[i]), 1e-8);
                members++;
                inclusion[i]++;
                sum += e[i];
            }
            Assert.Equal(b, members);
        }
        Assert.InRange(sum / (steps * b), -6 * sigma / Math.Sqrt(steps * b), 6 * sigma / Math.Sqrt(steps * b));
        double p1 = (double)b / n, se = Math.Sqrt(p1 * (1 - p1) / steps);
        foreach (int count in inclusion) Assert.InRange(count / (double)steps, p1 - 6 * se, p1 + 6 * se);
    }

    [Fact]
    public void Plain_gradient_descent_from_a_zero_loss_point_stays_put()
    {
        var settings = new SgdSettings(new SgdProblem(0.1, 0, Case.Data.Count, NoiseLaw.Gaussian), 1);
        var result = ChainEnsemble.Run(Case.Model, Case.Data, settings, [Case.ThetaStar], new ChainEnsembleOptions(300));
        for (int t = 0; t < Case.ThetaStar.Length; t++)
            Assert.Equal(Case.ThetaStar[t], result.FinalStates[0][t], 1e-12);
        Assert.All(result.ChainMeanCleanGradient![0], g => Assert.True(Math.Abs(g) < 1e-12));
    }

    [Fact]
    public void Invalid_settings_are_named()
    {
        int n = Case.Data.Count;
        Assert.Equal("eta", Assert.Throws<InvalidInputException>(() =>
            new LabelNoiseSgd(Case.Model, Case.Data, new SgdSettings(new SgdProblem(0, 1, n, NoiseLaw.Gaussian), 1))).Field);
        Assert.Equal("sigma", Assert.Throws<InvalidInputException>(() =>
            new LabelNoiseSgd(Case.Model, Case.Data, new SgdSettings(new SgdProblem(0.1, double.NaN, n, NoiseLaw.Gaussian), 1))).Field);
        Assert.Equal("batch", Assert.Throws<InvalidInputException>(() =>
            new LabelNoiseSgd(Case.Model, Case.Data, new SgdSettings(new SgdProblem(0.1, 1, n + 1, NoiseLaw.Gaussian), 1))).Field);
        Assert.Equal("parameterNoise", Assert.Throws<InvalidInputException>(() => new LabelNoiseSgd(Case.Model,
            Case.Data, new SgdSettings(new SgdProblem(0.1, 1, n, NoiseLaw.Gaussian), 1) { ParameterNoise = -1 })).Field);
    }
}
