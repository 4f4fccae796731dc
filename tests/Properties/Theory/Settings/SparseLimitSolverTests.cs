using NoiseDrift.Engine.Data;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The OR-Tools solvers behind the limits of docs/theory.md §7 on cases solved by hand, and the weighted Lasso's
/// optimality (KKT) conditions on a drawn problem.
/// </summary>
public class SparseLimitSolverTests
{
    /// <summary>
    /// <c>min β₀ + 2β₁ + 3β₂</c> subject to <c>β₀ + β₁ + β₂ = 1</c>, <c>β₁ + β₂ = ½</c>, β ≥ 0: β₂ costs more than β₁
    /// on the same constraints, so β = (½, ½, 0). Signed, with <c>β₁ + β₂ = −½</c>: β = (3/2, −½, 0), cost 5/2.
    /// </summary>
    [Fact]
    public void Weighted_basis_pursuit_matches_the_hand_solution()
    {
        var data = new Dataset([1, 1, 1, 0, 1, 1], [1, 0.5], 3);
        AssertClose([0.5, 0.5, 0], WeightedBasisPursuit.Solve(data, [1, 2, 3], nonNegative: true), 1e-9);
        var signed = new Dataset([1, 1, 1, 0, 1, 1], [1, -0.5], 3);
        AssertClose([1.5, -0.5, 0], WeightedBasisPursuit.Solve(signed, [1, 2, 3], nonNegative: false), 1e-9);
    }

    /// <summary>
    /// n = 1, x = (1, 1), y = 1, weights (½, 1), δ̄ = 1: <c>min (β₀ + β₁ − 1)² + ½β₀ + β₁</c> over β ≥ 0. β₁ has the
    /// larger weight, so β₁ = 0 and <c>2(β₀ − 1) + ½ = 0</c>: β = (¾, 0).
    /// </summary>
    [Fact]
    public void Weighted_lasso_matches_the_hand_solution()
    {
        var data = new Dataset([1, 1], [1], 2);
        AssertClose([0.75, 0], NonNegativeWeightedLasso.Solve(data, [0.5, 1], 1), 1e-8);
    }

    /// <summary>
    /// KKT on a drawn problem (d = 12, n = 6): <c>c_j = 2(X̄ᵀ(X̄β − ȳ))_j + δ̄h̄_j</c> is 0 where β_j &gt; 0 and ≥ 0 where
    /// β_j = 0, to 1e-6 of δ̄.
    /// </summary>
    [Fact]
    public void Weighted_lasso_satisfies_its_optimality_conditions()
    {
        const int d = 12, n = 6;
        var problem = NoiseDrift.Theory.Reproduction.SparseRegressionProblem.Draw(d, n, 2, 7);
        var weights = QuadraticSetting.WeightsOf(problem.Data);
        const double deltaBar = 0.3;
        var beta = NonNegativeWeightedLasso.Solve(problem.Data, weights, deltaBar);
        var residual = Enumerable.Range(0, n).Select(i => (Enumerable.Range(0, d).Sum(j => problem.Data.Row(i)[j] * beta[j]) - problem.Data.Y[i]) / n).ToArray();
        int active = 0;
        for (int j = 0; j < d; j++)
        {
            double c = 2 * Enumerable.Range(0, n).Sum(i => problem.Data.Row(i)[j] * residual[i]) + deltaBar * weights[j];
            Assert.True(beta[j] >= -1e-9, $"β_{j} = {beta[j]} < 0");
            if (beta[j] > 1e-7)
            {
                active++;
                Assert.True(Math.Abs(c) <= 1e-6 * deltaBar, $"active β_{j} = {beta[j]}: stationarity {c}");
            }
            else
            {
                Assert.True(c >= -1e-6 * deltaBar, $"inactive β_{j}: {c} < 0");
            }
        }
        Assert.InRange(active, 1, n);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - actual[j]) <= tolerance, $"β_{j} = {actual[j]}, expected {expected[j]}");
    }
}
