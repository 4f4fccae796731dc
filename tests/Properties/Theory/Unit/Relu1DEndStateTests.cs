using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>
/// The pieces of the ReLU end-state bias (docs/theory.md §4.2, "End state at the horizon"): the truncation bound from
/// the last two doublings, the chains' mean function as one network, the OU spread where J may have lost rank (equal to
/// the regular form at a regular point), and the cost-weighted balance.
/// </summary>
public sealed class Relu1DEndStateTests
{
    /// <summary>
    /// The half-speed flow is informational exactly when the flow's distance at T/2 from its limit, Δ₁ + truncation,
    /// is within the row's tolerance; without a truncation bound it gates.
    /// </summary>
    [Fact]
    public void The_flow_has_converged_by_half_the_horizon_only_within_the_tolerance()
    {
        var bias = new Relu1DBias(Truncation: 0.001, Clock: 0, Spread: 0, Before: 0.01, Last: 0.002);
        Assert.True(Relu1DEndStateRows.ConvergedByHalf(bias, 0.0031));
        Assert.False(Relu1DEndStateRows.ConvergedByHalf(bias, 0.0029));
        Assert.False(Relu1DEndStateRows.ConvergedByHalf(bias with { Truncation = double.PositiveInfinity }, 1e9));
        Assert.False(Relu1DEndStateRows.ConvergedByHalf(bias with { Truncation = double.NaN }, 1e9));
    }

    [Fact]
    public void The_truncation_is_exact_for_a_power_law_and_bounds_an_exponential()
    {
        // v(t) = t^(−α): every doubling shrinks the change by 2^(−α), so the rest of the path after T is v(T) exactly.
        foreach (double alpha in new[] { 0.5, 1, 2 })
        {
            double horizon = 40;
            double V(double t) => Math.Pow(t, -alpha);
            double bound = Relu1DEndState.Truncation(V(horizon / 4) - V(horizon / 2), V(horizon / 2) - V(horizon));
            Assert.Equal(V(horizon), bound, 1e-12);
        }
        // v(t) = e^(−ct): the changes shrink faster than geometrically, and the bound holds.
        foreach (double c in new[] { 0.01, 0.05, 0.2 })
        {
            double horizon = 40;
            double V(double t) => Math.Exp(-c * t);
            double bound = Relu1DEndState.Truncation(V(horizon / 4) - V(horizon / 2), V(horizon / 2) - V(horizon));
            Assert.InRange(V(horizon), 0, bound);
        }
        Assert.Equal(0, Relu1DEndState.Truncation(0.1, 0));
        Assert.Equal(double.PositiveInfinity, Relu1DEndState.Truncation(0.1, 0.1));
        Assert.Equal(double.PositiveInfinity, Relu1DEndState.Truncation(0, 0.1));
    }

    [Fact]
    public void The_pooled_network_is_the_chains_mean_function()
    {
        var plan = Relu1DExperiment.Plan(quick: true, seed: 1);
        var data = Relu1DData.Generic.Data;
        var chains = new[] { Relu1DExperiment.Start(Relu1DData.Generic, plan).Theta, Relu1DExperiment.Start(Relu1DData.Collinear, plan).Theta };
        var pooled = new Relu1DSetting(2 * Relu1DExperiment.Width, Relu1DEndState.Pooled(chains), data);
        var each = chains.Select(t => new Relu1DSetting(Relu1DExperiment.Width, t, data)).ToArray();
        foreach (double x in new[] { -1.1, -0.37, 0, 0.41, 0.93 })
            Assert.Equal(each.Average(s => s.At(x)), pooled.At(x), 1e-12);
    }

    [Fact]
    public void At_a_regular_point_the_spread_at_lost_rank_is_the_regular_spread()
    {
        // Both use the exact full-batch S of docs/theory.md §2.1; only the frame and the retraction differ.
        var plan = Relu1DExperiment.Plan(quick: true, seed: 1);
        var set = Relu1DData.Collinear;
        var model = Mlp.Relu1D(Relu1DExperiment.Width);
        var start = Relu1DExperiment.Start(set, plan).Theta;
        var reg = ProjectedObservable.Reg(model, set.Data);
        double regular = OuSpreadBias.Of(model, set.Data, plan.Sgd, start, reg);
        double tolerant = OuSpreadBias.OfEachAtLostRank(model, set.Data, plan.Sgd, start, t => [reg.Of(t)])[0];
        Assert.True(regular > 0);
        Assert.Equal(regular, tolerant, regular * 1e-6);
    }

    [Fact]
    public void The_balance_is_zero_when_balanced_and_grows_with_a_rescaling()
    {
        var plan = Relu1DExperiment.Plan(quick: true, seed: 1);
        var set = Relu1DData.Collinear;
        int m = Relu1DExperiment.Width;
        var theta = (double[])Relu1DExperiment.Start(set, plan).Theta.Clone();
        var setting = new Relu1DSetting(m, theta, set.Data);
        // Balance every active neuron: (a, w, b) → (a/s, s w, s b) with s⁴ = B/A.
        foreach (var neuron in Relu1DShape.Neurons(setting).Where(n => n.ActiveCount > 0 && double.IsFinite(n.BalanceRatio) && n.BalanceRatio > 0))
        {
            double s = Math.Pow(1 / neuron.BalanceRatio, 0.25);
            theta[neuron.Index] *= s;
            theta[m + neuron.Index] *= s;
            theta[2 * m + neuron.Index] /= s;
        }
        Assert.Equal(0, Relu1DFunction.SquaredImbalance(theta, set.Data, m), 1e-20);
        // One carrying neuron rescaled by s = 2: its ratio becomes 2⁴, so the weighted mean of (log ratio)² is positive.
        int carrying = Relu1DShape.Neurons(new Relu1DSetting(m, theta, set.Data)).MaxBy(n => n.Cost)!.Index;
        theta[carrying] *= 2;
        theta[m + carrying] *= 2;
        theta[2 * m + carrying] /= 2;
        double balance = Relu1DFunction.SquaredImbalance(theta, set.Data, m);
        Assert.InRange(balance, 1e-3, Math.Pow(Math.Log(16), 2));
    }
}
