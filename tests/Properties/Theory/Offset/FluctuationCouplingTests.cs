using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Ou;
using Xunit;

namespace NoiseDrift.Properties.Theory.Offset;

/// <summary>
/// docs/theory.md §3.5: the third derivative of L on N, the covariance change δS that the second-order force's
/// fluctuation drives, and its force b(δS) — each against an independent route.
/// </summary>
public sealed class FluctuationCouplingTests
{
    private static (TheoryCase Case, OuCovariance S, MeanNormalOffset Offset, FluctuationCoupling Coupling) Build(int index)
    {
        var @case = MeanNormalOffsetTests.Case(index);
        var s = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd).Covariance;
        var offset = MeanNormalOffset.At(@case.Model, @case.Theta, @case.Data, @case.Frame, s, @case.Sgd);
        return (@case, s, offset, FluctuationCoupling.Of(@case.Model, @case.Theta, @case.Data, @case.Frame, s, offset));
    }

    [Theory]
    [MemberData(nameof(MeanNormalOffsetTests.BuiltIn), MemberType = typeof(MeanNormalOffsetTests))]
    public void Tensor_contracted_with_S_is_twice_the_normal_force(int index)
    {
        // ½ Σ_jk T_jkl S̃_jk = v_lᵀ Qᵀ b(S), S̃ = Vᵀ S V: the tensor from n² HVPs against SecondOrderForce.
        var (_, s, offset, coupling) = Build(index);
        var v = offset.HessianEigenvectors;
        var rotated = v.Transpose() * s.Matrix * v;
        var normal = v.Transpose() * Vector<double>.Build.Dense(offset.NormalForce);
        int n = normal.Count;
        for (int l = 0; l < n; l++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) sum += 0.5 * coupling.Tensor[j, k, l] * rotated[j, k];
            Assert.True(Math.Abs(sum - normal[l]) <= 1e-9 * normal.AbsoluteMaximum(), $"l = {l}: ½T[S] = {sum:G17}, Qᵀb(S) = {normal[l]:G17}");
        }
    }

    [Theory]
    [MemberData(nameof(MeanNormalOffsetTests.BuiltIn), MemberType = typeof(MeanNormalOffsetTests))]
    public void Force_of_the_covariance_change_is_the_second_order_force_of_it(int index)
    {
        var (@case, _, offset, coupling) = Build(index);
        var v = offset.HessianEigenvectors;
        var delta = OuCovariance.Of(v * coupling.Covariance * v.Transpose(), "δS");
        var expected = SecondOrderForce.Of(@case.Model, @case.Theta, @case.Data, @case.Frame, delta);
        double scale = expected.Max(Math.Abs);
        Assert.True(scale > 0, "δS has no force");
        for (int q = 0; q < expected.Length; q++)
            Assert.True(Math.Abs(coupling.Force[q] - expected[q]) <= 1e-9 * scale, $"θ[{q}]: {coupling.Force[q]:G17} vs {expected[q]:G17}");
    }

    [Fact]
    public void Response_is_the_double_sum()
    {
        foreach (var (a, b, c) in new[] { (0.9, 0.99, 0.8), (0.5, 0.5, 0.25), (0.999, 0.95, 0.9) })
        {
            double sum = 0;
            for (int t = 0; t < 20_000; t++)
                for (int u = 0; u < 20_000 && Math.Pow(a, t) * Math.Pow(b, u) > 1e-18; u++)
                    sum += Math.Pow(a, t) * Math.Pow(b, u) * Math.Pow(c, Math.Abs(t - u));
            double closed = FluctuationCoupling.Response(a, b, c);
            Assert.True(Math.Abs(sum - closed) <= 1e-9 * closed, $"R({a}, {b}, {c}) = {closed:G17}, sum {sum:G17}");
        }
    }

    [Fact]
    public void Covariance_change_matches_the_simulated_second_order_response()
    {
        // u₁ Gaussian OU with variances s_j and factors ρ_j; u₂_{k+1} = ρ u₂_k − η(½T[u₁,u₁] − ½T[S]). The sample
        // covariance of u₂ over 2e6 steps (about 2e4 relaxation times of the slowest mode) must match δS to 6%.
        int n = 2;
        double eta = 0.05;
        double[] lambda = [0.4, 2.0];
        double[] s = [1.0, 0.5];
        var rho = lambda.Select(l => 1 - eta * l).ToArray();
        var tensor = new double[n, n, n];
        double[,] diagonal = { { 0.7, -0.4 }, { 0.9, -0.6 } }, cross = { { 0.3, 1.1 } };
        for (int l = 0; l < n; l++)
        {
            tensor[0, 0, l] = diagonal[0, l];
            tensor[1, 1, l] = diagonal[1, l];
            tensor[0, 1, l] = tensor[1, 0, l] = cross[0, l];
        }
        var delta = FluctuationCoupling.CovarianceChange(tensor, s, rho, eta);
        var u1 = new double[n];
        var u2 = new double[n];
        var mean = new double[n];
        for (int j = 0; j < n; j++) mean[j] = 0.5 * Enumerable.Range(0, n).Sum(k => tensor[k, k, j] * s[k]);
        var random = new System.Random(20200701);
        for (int j = 0; j < n; j++) u1[j] = Math.Sqrt(s[j]) * BoxMuller.Next(random);
        var second = new double[n, n];
        const int steps = 2_000_000;
        for (int k = 0; k < steps; k++)
        {
            var force = new double[n];
            for (int l = 0; l < n; l++)
            {
                for (int j = 0; j < n; j++)
                    for (int m = 0; m < n; m++) force[l] += 0.5 * tensor[j, m, l] * u1[j] * u1[m];
                force[l] -= mean[l];
            }
            for (int l = 0; l < n; l++) u2[l] = rho[l] * u2[l] - eta * force[l];
            for (int j = 0; j < n; j++) u1[j] = rho[j] * u1[j] + Math.Sqrt(s[j] * (1 - rho[j] * rho[j])) * BoxMuller.Next(random);
            for (int l = 0; l < n; l++)
                for (int m = 0; m < n; m++) second[l, m] += u2[l] * u2[m] / steps;
        }
        for (int l = 0; l < n; l++)
            Assert.True(Math.Abs(second[l, l] - delta[l, l]) <= 0.06 * delta[l, l], $"δS[{l},{l}]: predicted {delta[l, l]:G4}, simulated {second[l, l]:G4}");
        double scale = Math.Sqrt(delta[0, 0] * delta[1, 1]);
        Assert.True(Math.Abs(second[0, 1] - delta[0, 1]) <= 0.06 * scale, $"δS[0,1]: predicted {delta[0, 1]:G4}, simulated {second[0, 1]:G4}");
    }
}
