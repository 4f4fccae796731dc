using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Statistics;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>
/// docs/theory.md §5 "Few samples": a mean whose standard error is estimated from N samples is judged at Student's
/// critical value for ν = N − 1 at the suite's per-comparison probability, not at the normal z.
/// </summary>
public sealed class StudentCriticalTests
{
    /// <summary>
    /// Reference values: textbook quantiles (two-sided 5% at ν = 10, 1% at ν = 3) and, at the suite's two-sided
    /// <c>α/M = 5e-11</c>, an independent evaluation (bisection on the incomplete-beta tail by Lentz's continued fraction,
    /// written separately in Python for this test).
    /// </summary>
    [Theory]
    [InlineData(0.05, 10, 2.228139)]
    [InlineData(0.01, 3, 5.840909)]
    [InlineData(5e-11, 7, 65.6493)]
    [InlineData(5e-11, 15, 16.5045)]
    [InlineData(5e-11, 31, 9.8147)]
    [InlineData(5e-11, 63, 7.9162)]
    [InlineData(5e-11, 299, 6.8215)]
    public void Quantile_matches_the_reference(double p, int freedom, double expected)
    {
        Assert.Equal(expected, StudentCritical.Quantile(p, freedom), 1e-6 * expected * 100);
        Assert.Equal(p, StudentCritical.TwoSidedTail(StudentCritical.Quantile(p, freedom), freedom), p * 1e-6);
    }

    [Fact]
    public void The_suite_critical_value_tends_to_the_normal_z_and_never_falls_below_it()
    {
        var budget = SuiteBudget.Budget;
        Assert.Equal(65.6493, budget.ZFor(8), 1e-3);
        Assert.True(budget.ZFor(1_000_000) >= budget.Z);
        Assert.Equal(budget.Z, budget.ZFor(1_000_000), 1e-4);
        for (int n = 2; n < 4000; n = n * 3 / 2 + 1)
            Assert.True(budget.ZFor(n) >= budget.ZFor(n * 3 / 2 + 1), $"ZFor must decrease with N (N = {n})");
    }

    [Fact]
    public void A_mean_is_judged_at_the_critical_value_of_its_own_count()
    {
        var budget = SuiteBudget.Budget;
        var estimate = MeanEstimate.Of([1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 1.02, 0.98]);
        var row = budget.Judge("x", "c", 1.0, estimate, 0.001);
        Assert.Equal(budget.ZFor(8), row.Z);
        Assert.Equal(budget.ZFor(8) * estimate.StdErr + 0.001, row.Tolerance);
        Assert.Equal(row.Tolerance, budget.Tolerance(estimate, 0.001));
    }

    /// <summary>
    /// The point of the rule: with 4 Gaussian samples a budget of 1% per comparison is kept by the t critical value
    /// (measured rate within 4 SE of 1%) and broken by the normal z, whose rate is about 5.8%.
    /// </summary>
    [Fact]
    public void Few_gaussian_samples_keep_the_stated_false_alarm_rate_only_at_the_t_critical_value()
    {
        var budget = new ErrorBudget(1, 0.01);
        double t = budget.ZFor(4);
        var random = new Random(31);
        const int trials = 40_000;
        int atT = 0, atZ = 0;
        var samples = new double[4];
        for (int trial = 0; trial < trials; trial++)
        {
            for (int i = 0; i < samples.Length; i++)
                samples[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var m = MeanEstimate.Of(samples);
            double ratio = Math.Abs(m.Mean) / m.StdErr;
            if (ratio > t) atT++;
            if (ratio > budget.Z) atZ++;
        }
        double se = Math.Sqrt(0.01 * 0.99 / trials);
        Assert.InRange(atT / (double)trials, 0.01 - 4 * se, 0.01 + 4 * se);
        Assert.True(atZ / (double)trials > 0.04, $"the normal z should overshoot the rate: {atZ / (double)trials}");
    }
}
