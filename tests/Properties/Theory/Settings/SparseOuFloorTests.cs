using NoiseDrift.Theory.Reproduction;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The OU floor of docs/theory.md §7 on the support of a drawn sparse problem: at the step change it equals the
/// previous step's floor, long after it the new one, and its transient equals the linearised covariance iterated step
/// by step, <c>E_t = (I − ηG_S) E_{t−1} (I − ηG_S)</c> from <c>E_0 = c I_S</c>, read as <c>tr(D E_t D)</c>.
/// </summary>
public class SparseOuFloorTests
{
    private const double Eta = 5e-3, Previous = 2e-2, Sigma = 1.5;

    private static readonly SparseRegressionProblem Problem = SparseRegressionProblem.Draw(12, 8, 3, 5);

    private static readonly double[] Base = [0.9, 1.2, 0.7];

    [Fact]
    public void The_floor_starts_at_the_previous_step_and_ends_at_the_new_one()
    {
        double sum = Base.Sum();
        Assert.Equal(2 * Previous * Sigma * Sigma * sum, SparseOuFloor.At(Problem, Base, Eta, Previous, Sigma, 1, [0]).Prediction, 12);
        Assert.Equal(2 * Eta * Sigma * Sigma * sum, SparseOuFloor.At(Problem, Base, Eta, Previous, Sigma, 1, [1_000_000]).Prediction, 12);
    }

    [Fact]
    public void The_transient_equals_the_iterated_covariance()
    {
        int s = Base.Length, n = Problem.Data.Count;
        var d = Base.Select(b => 2 * Math.Sqrt(b)).ToArray();
        var g = new double[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                for (int i = 0; i < n; i++) g[a, b] += d[a] * d[b] * Problem.Data.Row(i)[Problem.Support[a]] * Problem.Data.Row(i)[Problem.Support[b]] / n;
            }
        }
        double c = (Previous - Eta) * Sigma * Sigma / 2, floor = 2 * Eta * Sigma * Sigma * Base.Sum();
        var e = new double[s, s];
        for (int a = 0; a < s; a++) e[a, a] = c;
        var reads = new[] { 5, 40, 200 };
        var traces = new List<double>();
        for (int t = 1; t <= reads[^1]; t++)
        {
            e = Conjugate(e, g, s);
            if (reads.Contains(t)) traces.Add(Enumerable.Range(0, s).Sum(k => d[k] * d[k] * e[k, k]));
        }
        double transient = SparseOuFloor.At(Problem, Base, Eta, Previous, Sigma, 1, reads).Prediction - floor;
        Assert.True(Math.Abs(transient - traces.Average()) <= 1e-10 * traces.Average(), $"transient {transient} vs iterated {traces.Average()}");
    }

    /// <summary><c>M E M</c> with <c>M = I − ηG</c>.</summary>
    private static double[,] Conjugate(double[,] e, double[,] g, int s)
    {
        var m = new double[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++) m[a, b] = (a == b ? 1 : 0) - Eta * g[a, b];
        }
        var result = new double[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                for (int k = 0; k < s; k++)
                {
                    for (int l = 0; l < s; l++) result[a, b] += m[a, k] * e[k, l] * m[l, b];
                }
            }
        }
        return result;
    }
}
