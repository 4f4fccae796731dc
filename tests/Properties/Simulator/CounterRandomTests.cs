using NoiseDrift.Engine.Random;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The counter-based generator (docs/design.md "Engine conventions"): pure in its key, and uniform, Gaussian and Rademacher
/// draws with the right moments. Error budget: N = 200 000 draws, bounds at about 6 standard errors.
/// </summary>
public class CounterRandomTests
{
    private const int N = 200_000;

    [Fact]
    public void Draws_are_pure_functions_of_the_key()
    {
        Assert.Equal(CounterRandom.Uniform(3, 5, 7, 11), CounterRandom.Uniform(3, 5, 7, 11));
        Assert.Equal(CounterRandom.Key(3, 5, 7).Gaussian(11), CounterRandom.Gaussian(3, 5, 7, 11));
        var draws = new HashSet<ulong>
        {
            CounterRandom.Key(3, 5, 7).Bits(11), CounterRandom.Key(4, 5, 7).Bits(11), CounterRandom.Key(3, 6, 7).Bits(11),
            CounterRandom.Key(3, 5, 8).Bits(11), CounterRandom.Key(3, 5, 7).Bits(12), CounterRandom.Key(3, 5, 7).Bits(11, 1),
            CounterRandom.Key(3, 7, 5).Bits(11), CounterRandom.Key(3, 11, 7).Bits(5),
        };
        Assert.Equal(8, draws.Count);
    }

    [Fact]
    public void Uniforms_lie_in_the_open_interval_with_mean_half_and_variance_one_twelfth()
    {
        var key = CounterRandom.Key(1, 2, 3);
        double sum = 0, sumSq = 0, lag = 0, previous = 0.5;
        for (int i = 0; i < N; i++)
        {
            double u = key.Uniform(i);
            Assert.InRange(u, double.Epsilon, 1 - 1e-17);
            sum += u;
            sumSq += u * u;
            lag += (u - 0.5) * (previous - 0.5);
            previous = u;
        }
        double mean = sum / N, variance = sumSq / N - mean * mean;
        Assert.InRange(mean, 0.5 - 6 * Math.Sqrt(1.0 / 12 / N), 0.5 + 6 * Math.Sqrt(1.0 / 12 / N));
        Assert.InRange(variance, 1.0 / 12 - 0.003, 1.0 / 12 + 0.003);
        Assert.InRange(lag / N / (1.0 / 12), -6 / Math.Sqrt(N), 6 / Math.Sqrt(N)); // adjacent-index correlation
    }

    [Fact]
    public void Gaussians_have_mean_0_variance_1_kurtosis_3_across_steps()
    {
        double m1 = 0, m2 = 0, m4 = 0;
        for (int k = 0; k < N / 100; k++)
        {
            var key = CounterRandom.Key(9, 0, k);
            for (int i = 0; i < 100; i++)
            {
                double z = key.Gaussian(i), z2 = z * z;
                m1 += z;
                m2 += z2;
                m4 += z2 * z2;
            }
        }
        m1 /= N; m2 /= N; m4 /= N;
        Assert.InRange(m1, -6 / Math.Sqrt(N), 6 / Math.Sqrt(N));
        Assert.InRange(m2, 1 - 6 * Math.Sqrt(2.0 / N), 1 + 6 * Math.Sqrt(2.0 / N));
        Assert.InRange(m4, 3 - 6 * Math.Sqrt(96.0 / N), 3 + 6 * Math.Sqrt(96.0 / N));
    }

    [Fact]
    public void Rademacher_signs_are_plus_minus_one_with_mean_0()
    {
        var key = CounterRandom.Key(5, 1, 1);
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double s = key.Rademacher(i);
            Assert.True(s is 1.0 or -1.0);
            sum += s;
        }
        Assert.InRange(sum / N, -6 / Math.Sqrt(N), 6 / Math.Sqrt(N));
    }
}
