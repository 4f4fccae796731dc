using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.SlowFlow;
using NoiseDrift.Theory.Stability;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

public sealed class StabilityAndSlowFlowTests
{
    [Fact]
    public void BalancedProductIsCriticalAndUnbalancedProductRepels()
    {
        var model = new ProductModel(1);
        var balanced = StabilityClassification.Classify(model, [1.0, 1.0], HandData.SinglePoint());
        Assert.Equal(StabilityKind.StableOrCritical, balanced.Kind);
        Assert.True(balanced.Margin < 1e-14);

        var unbalanced = StabilityClassification.Classify(model, [2.0, 0.5], HandData.SinglePoint());
        Assert.Equal(StabilityKind.Repelling, unbalanced.Kind);
        // ∇reg = 2(a, w) = (4, 1); tangent τ = (a, −w) = (2, −0.5): margin = |∇reg·τ| / (|τ| |∇reg|).
        Assert.Equal(7.5 / (Math.Sqrt(4.25) * Math.Sqrt(17)), unbalanced.Margin, 14);
    }

    [Fact]
    public void LinearModelHasNoRegGradient()
    {
        var data = NoiseDrift.Engine.Data.Dataset.FromRows([[1.0, 2.0]], [0]);
        var result = StabilityClassification.Classify(new LinearModel(2), [0.0, 0.0], data);
        Assert.Equal(StabilityKind.StableOrCritical, result.Kind);
        Assert.Equal(0, result.GradientNorm);
    }

    [Fact]
    public void SlowFlowFollowsTheClosedFormAtSecondOrder()
    {
        // h = a w, (x, y) = (1, 1): on M, θ = (e^s, e^{−s}) and ds/dt = −½ tanh 2s, so sinh 2s(t) = sinh 2s₀ e^{−t}.
        double s0 = Math.Log(2), duration = 2;
        double Exact(double t) => Math.Asinh(Math.Sinh(2 * s0) * Math.Exp(-t)) / 2;
        double Error(int steps)
        {
            var flow = RiemannianSlowFlow.Integrate(new ProductModel(1), [2.0, 0.5], HandData.SinglePoint(), duration, steps);
            return Math.Abs(Math.Log(flow.Final[0]) - Exact(duration));
        }
        double coarse = Error(20), fine = Error(40);
        Assert.True(coarse < 1e-3, $"error {coarse}");
        Assert.InRange(coarse / fine, 3.5, 4.5);

        var trajectory = RiemannianSlowFlow.Integrate(new ProductModel(1), [2.0, 0.5], HandData.SinglePoint(), duration, 40, 10);
        Assert.Equal([0, 0.5, 1, 1.5, 2], trajectory.Times);
        for (int k = 1; k < trajectory.Regs.Length; k++) Assert.True(trajectory.Regs[k] < trajectory.Regs[k - 1]);
        foreach (var theta in trajectory.Thetas) Assert.True(Math.Abs(theta[0] * theta[1] - 1) < 1e-12);
        Assert.Equal(2 * Math.Cosh(2 * Exact(duration)), trajectory.Regs[^1], 2e-4);
    }

    [Fact]
    public void TimeMapMatchesTheLeadingDriftPerStep()
    {
        var sgd = new SgdProblem(0.05, 0.8, 1);
        Assert.Equal(0.05 * 0.05 * 0.64 * 1000, sgd.SlowTime(1000), 14);
        Assert.Equal(1000, sgd.StepsFor(sgd.SlowTime(1000)), 9);
        var drift = TangentDrift.At(new ProductModel(1), [2.0, 0.5], HandData.SinglePoint(), sgd);
        var velocity = RiemannianSlowFlow.Velocity(new ProductModel(1), [2.0, 0.5], HandData.SinglePoint());
        for (int k = 0; k < 2; k++) Assert.Equal(drift.Leading[k], sgd.SlowTime(1) * velocity[k], 15);
    }
}
