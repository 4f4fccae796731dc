using NoiseDrift.Conformance.Certification;
using NoiseDrift.Theory.Judging;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>The verdict rule, the parts a row carries, and the one worst-component reduction (docs/theory.md §5).</summary>
public sealed class JudgingTests
{
    [Fact]
    public void ARowCarriesItsZAndBiasAndTheToleranceIsBuiltFromThem()
    {
        var budget = new ErrorBudget(50);
        var row = budget.Judge("x", "c", 1.0, 1.02, 0.003, 0.004);
        Assert.Equal(budget.Z, row.Z);
        Assert.Equal(0.004, row.Bias);
        Assert.Equal(budget.Z * 0.003 + 0.004, row.Tolerance);
        Assert.Equal(VerdictRule.Within(1.0, 1.02, row.Tolerance), row.Pass);
        var exact = VerdictRule.Exact("y", "c", 2.0, 2.0 + 1e-10, 1e-9);
        Assert.Equal((0.0, 0.0, 1e-9, true), (exact.Z, exact.StdErr, exact.Tolerance, exact.Pass));
    }

    [Fact]
    public void TheWorstComponentHasTheLargestRatioNotTheLargestExcess()
    {
        // Component 0 is further out in absolute terms (excess 10 against 2), component 1 in tolerances (3 against 2).
        var worst = new WorstComponent();
        worst.Add(0, 20, 10);
        worst.Add(0, 3, 1);
        worst.Add(0, 0.5, 1);
        Assert.Equal((1, 3.0, 3), (worst.Index, worst.Ratio, worst.Count));
    }

    [Fact]
    public void ANonFiniteComponentIsTheWorstAndFailsTheRow()
    {
        var worst = new WorstComponent();
        worst.Add(1, 1 + 0.9e-9, 1e-9);
        worst.Add(2, double.NaN, 1e-9);
        worst.Add(3, 3 + 0.95e-9, 1e-9);
        Assert.Equal((1, double.PositiveInfinity), (worst.Index, worst.Ratio));
        var row = DeterministicJudge.Judge("h", "c", [1.0, 2, 3], [1.0, double.NaN, 3], 1e-9);
        Assert.False(row.Pass);
        Assert.Contains("component 1 of 3", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorstComponentPassesExactlyWhenEveryComponentDoes()
    {
        var random = new Random(20200701);
        for (int trial = 0; trial < 2000; trial++)
        {
            int count = random.Next(1, 12);
            var predicted = new double[count];
            var measured = new double[count];
            var tolerance = new double[count];
            var worst = new WorstComponent();
            for (int k = 0; k < count; k++)
            {
                predicted[k] = random.NextDouble() * 2 - 1;
                tolerance[k] = random.NextDouble() < 0.1 ? 0 : Math.Pow(10, -3 * random.NextDouble());
                measured[k] = random.NextDouble() < 0.1 ? predicted[k] : predicted[k] + (random.NextDouble() * 2 - 1) * 1.2 * tolerance[k];
                worst.Add(predicted[k], measured[k], tolerance[k]);
            }
            var ratios = Enumerable.Range(0, count).Select(k => VerdictRule.Ratio(predicted[k], measured[k], tolerance[k])).ToArray();
            bool everyComponentPasses = Enumerable.Range(0, count).All(k => VerdictRule.Within(predicted[k], measured[k], tolerance[k]));
            int w = worst.Index;
            Assert.Equal(ratios.Max(), worst.Ratio);
            Assert.Equal(Array.IndexOf(ratios, ratios.Max()), w);
            Assert.Equal(everyComponentPasses, VerdictRule.Exact("v", "c", predicted[w], measured[w], tolerance[w]).Pass);
        }
    }
}
