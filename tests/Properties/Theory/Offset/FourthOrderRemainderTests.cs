using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Offset;

/// <summary>
/// docs/theory.md §3.5: the fourth order in the fluctuation, measured on the case by the symmetric rules, against the
/// Gaussian expectation by tensor Gauss–Hermite quadrature; and the remainder ε₀ takes it where it exceeds
/// <c>C λ_max(S)</c>.
/// </summary>
public sealed class FourthOrderRemainderTests
{
    // Gauss–Hermite for N(0, 1), 5 nodes: exact for polynomials of degree 9 in each coordinate.
    private static readonly double[] Nodes = [0, -1.3556261799742659, 1.3556261799742659, -2.8569700138728056, 2.8569700138728056];
    private static readonly double[] Weights = [8.0 / 15, 0.22207592200561265, 0.22207592200561265, 0.011257411327720691, 0.011257411327720691];

    [Theory]
    [MemberData(nameof(MeanNormalOffsetTests.BuiltIn), MemberType = typeof(MeanNormalOffsetTests))]
    public void Mean_path_misses_the_gaussian_expectation_by_2A_plus_X_over_4(int index)
    {
        var @case = MeanNormalOffsetTests.Case(index);
        var s = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd).Covariance;
        var remainder = FourthOrderRemainder.Of(@case, s);
        int n = s.Eigenvalues.Length, p = @case.Model.ParameterCount;
        var axes = Enumerable.Range(0, n)
            .Select(j => @case.Frame.Embed(s.Eigenvectors.Column(j).Multiply(Math.Sqrt(s.Eigenvalues[j])).ToArray())).ToArray();
        var center = Gradient(@case, @case.Theta);
        var gaussian = new double[p];
        var rule = new double[p];
        var index5 = new int[n];
        for (int point = 0; point < (int)Math.Pow(5, n); point++)
        {
            double weight = 1;
            var theta = (double[])@case.Theta.Clone();
            for (int j = 0, rest = point; j < n; j++, rest /= 5)
            {
                index5[j] = rest % 5;
                weight *= Weights[index5[j]];
                for (int q = 0; q < p; q++) theta[q] += Nodes[index5[j]] * axes[j][q];
            }
            var g = Gradient(@case, theta);
            for (int q = 0; q < p; q++) gaussian[q] += weight * (g[q] - center[q]);
        }
        foreach (var axis in axes)
            for (int sign = -1; sign <= 1; sign += 2)
            {
                var g = Gradient(@case, [.. @case.Theta.Zip(axis, (t, a) => t + sign * a)]);
                for (int q = 0; q < p; q++) rule[q] += 0.5 * (g[q] - center[q]);
            }
        var missed = gaussian.Zip(rule, (a, b) => a - b).ToArray();
        var predicted = remainder.Axis.Zip(remainder.Mixed, (a, x) => 2 * a + 0.25 * x).ToArray();
        double gap = Norm(missed.Zip(predicted, (a, b) => a - b).ToArray());
        Assert.True(Norm(predicted) > 0 && gap <= 0.05 * Norm(predicted),
            $"E∇L − 2n-point rule: |{Norm(missed):G4}| vs 2A + X/4: |{Norm(predicted):G4}|, gap {gap:G3}");
    }

    [Fact]
    public void Remainder_takes_the_measured_fourth_order_where_it_exceeds_C_lambda_max()
    {
        // Seed 24's softplus/GELU case: the fourth order is about 170 λ_max(S), above C = 100.
        var @case = TheoryBattery.BuiltInCases(24)[1];
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        double measured = FourthOrderRemainder.Of(@case, prediction.Covariance).Relative;
        double stated = SuiteBudget.RemainderBound(prediction.Covariance);
        Assert.True(measured > stated, $"measured fourth order {measured:G3} is not above C λ_max(S) = {stated:G3}");
        Assert.True(OffsetCorrection.FourthOrder(@case, prediction) >= measured, "ε₀'s fourth-order part leaves out the measured fourth order");
    }

    private static double Norm(double[] x) => Math.Sqrt(x.Sum(c => c * c));

    private static double[] Gradient(NoiseDrift.Theory.Experiments.TheoryCase @case, double[] theta)
    {
        var g = new double[@case.Model.ParameterCount];
        @case.Model.LossGradient(theta, @case.Data.X, @case.Data.Y, g, @case.Model.CreateWorkspace(@case.Count));
        return g;
    }
}
