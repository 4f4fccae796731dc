using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Offset;
using Xunit;

namespace NoiseDrift.Properties.Theory.Offset;

/// <summary>
/// docs/theory.md §3.5, "The OU rows": the bound <see cref="CovarianceRemainder.ChangeBound"/> on the covariance change
/// of order T² against the u₁, u₂, u₃ recursion simulated from a stationary u₁ and <c>u₂ = u₃ = 0</c> — the change
/// <c>E[u₂u₂ᵀ] + E[u₁u₃ᵀ] + E[u₃u₁ᵀ]</c> stays within the bound at every read step, and with a non-negative T and
/// <c>ρ ∈ (0, 1)</c>, where every term of the series is positive, it reaches the bound once the window is long.
/// </summary>
public sealed class CovarianceRemainderTests
{
    private const int Paths = 40_000, Steps = 400;
    private static readonly int[] Reads = [5, 20, 80, Steps];

    public static TheoryData<bool> Signs => new() { true, false };

    [Theory]
    [MemberData(nameof(Signs))]
    public void Change_stays_within_the_bound_at_every_step(bool mixedSigns)
    {
        double eta = 0.1;
        double[] lambda = [0.5, 1.5];
        double[] s = [1.0, 0.6];
        var rho = lambda.Select(l => 1 - eta * l).ToArray();
        var tensor = Tensor(mixedSigns);
        var bound = CovarianceRemainder.ChangeBound(tensor, s, rho, eta);
        var (mean, stdErr) = Simulate(tensor, s, rho, eta);
        for (int r = 0; r < Reads.Length; r++)
            for (int l = 0; l < 2; l++)
            {
                Assert.True(Math.Abs(mean[r][l]) <= bound[l, l] + 5 * stdErr[r][l],
                    $"step {Reads[r]}, direction {l}: change {mean[r][l]:G4} ± {stdErr[r][l]:G2} beyond the bound {bound[l, l]:G4}");
            }
        if (mixedSigns) return;
        for (int l = 0; l < 2; l++)
            Assert.True(mean[^1][l] >= 0.9 * bound[l, l] - 5 * stdErr[^1][l],
                $"direction {l}: change {mean[^1][l]:G4} ± {stdErr[^1][l]:G2} at step {Steps} well below the bound {bound[l, l]:G4}");
    }

    private static double[,,] Tensor(bool mixedSigns)
    {
        var tensor = new double[2, 2, 2];
        double[,] diagonal = { { 0.7, 0.4 }, { 0.9, 0.6 } }, cross = { { 0.3, 1.1 } };
        for (int l = 0; l < 2; l++)
        {
            double sign = mixedSigns && l == 1 ? -1 : 1;
            tensor[0, 0, l] = diagonal[0, l];
            tensor[1, 1, l] = sign * diagonal[1, l];
            tensor[0, 1, l] = tensor[1, 0, l] = (mixedSigns ? -1 : 1) * cross[0, l];
        }
        return tensor;
    }

    /// <summary>Mean and standard error over paths of the diagonal of u₂u₂ᵀ + u₁u₃ᵀ + u₃u₁ᵀ at each read step.</summary>
    private static (double[][] Mean, double[][] StdErr) Simulate(double[,,] tensor, double[] s, double[] rho, double eta)
    {
        int n = s.Length;
        var sum = Reads.Select(_ => new double[n]).ToArray();
        var squares = Reads.Select(_ => new double[n]).ToArray();
        var half = new double[n];
        for (int l = 0; l < n; l++) half[l] = 0.5 * Enumerable.Range(0, n).Sum(k => tensor[k, k, l] * s[k]);
        var random = new System.Random(20200703);
        double[] u1 = new double[n], u2 = new double[n], u3 = new double[n], force = new double[n], coupled = new double[n];
        for (int path = 0; path < Paths; path++)
        {
            for (int j = 0; j < n; j++) (u1[j], u2[j], u3[j]) = (Math.Sqrt(s[j]) * BoxMuller.Next(random), 0, 0);
            for (int k = 1, r = 0; k <= Steps; k++)
            {
                for (int l = 0; l < n; l++)
                {
                    (force[l], coupled[l]) = (-half[l], 0);
                    for (int j = 0; j < n; j++)
                        for (int m = 0; m < n; m++)
                        {
                            force[l] += 0.5 * tensor[j, m, l] * u1[j] * u1[m];
                            coupled[l] += tensor[j, m, l] * u1[j] * u2[m];
                        }
                }
                for (int l = 0; l < n; l++) (u3[l], u2[l]) = (rho[l] * u3[l] - eta * coupled[l], rho[l] * u2[l] - eta * force[l]);
                for (int j = 0; j < n; j++) u1[j] = rho[j] * u1[j] + Math.Sqrt(s[j] * (1 - rho[j] * rho[j])) * BoxMuller.Next(random);
                if (k != Reads[r]) continue;
                for (int l = 0; l < n; l++)
                {
                    double x = u2[l] * u2[l] + 2 * u1[l] * u3[l];
                    sum[r][l] += x;
                    squares[r][l] += x * x;
                }
                r++;
            }
        }
        var mean = sum.Select(row => row.Select(x => x / Paths).ToArray()).ToArray();
        var stdErr = squares.Select((row, r) => row.Select((q, l) => Math.Sqrt((q / Paths - mean[r][l] * mean[r][l]) / Paths)).ToArray()).ToArray();
        return (mean, stdErr);
    }
}
