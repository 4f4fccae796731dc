using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The Lasso limit of docs/theory.md §7 from the engine's derivatives: at the PDLP solution β_L of the h̄-weighted
/// Lasso with <c>δ̄ = 2ησ²/n</c>, the mean change of <c>log β_j</c> per step of full-batch label noise to second order,
/// <c>−2η(∇L_j/θ_j + (ησ²/2n²θ_j²)Σ_i g_ij²)</c> with g_i and ∇L from <see cref="QuadraticLinear"/>, vanishes on the
/// active set and equals <see cref="LassoLimitPrediction.Rate"/> (<c>−2η∂_jF(β_L)</c>) off it.
/// </summary>
public class LassoStationarityTests
{
    [Fact]
    public void The_label_noise_log_drift_vanishes_on_the_lasso_support_and_matches_the_gap_off_it()
    {
        const int d = 30, n = 12;
        const double eta = 0.05, sigma = 2;
        var problem = SparseRegressionProblem.Draw(d, n, 3, 11);
        var weights = QuadraticSetting.WeightsOf(problem.Data);
        var lasso = NonNegativeWeightedLasso.Solve(problem.Data, weights, 2 * eta * sigma * sigma / n);
        var prediction = LassoLimitPrediction.Of(problem.Data, weights, lasso, eta, sigma);
        Assert.InRange(prediction.Active.Length, 1, n);

        // θ_L = √β_L on S; off S a tiny θ_j (β_j = 1e-20 moves no residual), where the ratio g_ij/θ_j is what counts.
        var theta = Enumerable.Range(0, d).Select(j => prediction.Active.Contains(j) ? Math.Sqrt(lasso[j]) : 1e-10).ToArray();
        var model = new QuadraticLinear(d);
        var ws = model.CreateWorkspace(1);
        var loss = new double[d];
        var squares = new double[d];
        var g = new double[d];
        for (int i = 0; i < n; i++)
        {
            double r = model.Gradient(theta, problem.Data.Row(i), g, ws) - problem.Data.Y[i];
            for (int j = 0; j < d; j++)
            {
                loss[j] += r * g[j] / n;
                squares[j] += g[j] * g[j];
            }
        }
        var drift = Enumerable.Range(0, d).Select(j =>
            -2 * eta * (loss[j] / theta[j] + eta * sigma * sigma / (2.0 * n * n * theta[j] * theta[j]) * squares[j])).ToArray();
        double scale = 2 * eta * prediction.DeltaBar;
        foreach (int j in prediction.Active)
            Assert.True(Math.Abs(drift[j]) <= 1e-6 * scale, $"active j = {j}: log-drift {drift[j]:G4}, not 0 (scale {scale:G3})");
        var rate = prediction.Rate(eta);
        for (int k = 0; k < prediction.Inactive.Length; k++)
        {
            int j = prediction.Inactive[k];
            Assert.True(rate[k] <= 1e-6 * scale, $"inactive j = {j}: predicted rate {rate[k]:G4} > 0 (the KKT gap is negative)");
            Assert.True(Math.Abs(drift[j] - rate[k]) <= 1e-6 * scale, $"inactive j = {j}: engine log-drift {drift[j]:G6} against −2η∂F = {rate[k]:G6}");
        }
    }
}
