using FsCheck.Xunit;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The straight line's reg (docs/theory.md §4.2, <see cref="Relu1DLineCost"/>): a balanced cancelling pair at any kink κ,
/// built explicitly, interpolates collinear labels and has the engine's reg equal to <c>1 + 2|s|(C_R(κ) + C_L(κ))</c>
/// (rounding, 1e-12 relative); the stated minima on the ReLU claim's collinear data are at most every pair cost.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class Relu1DLineCostProperties
{
    private static readonly double[] X = Relu1DData.X;

    [Property]
    public void A_balanced_cancelling_pair_is_the_line_and_costs_the_pair_reg(byte kinkDraw, sbyte slopeDraw, sbyte offsetDraw)
    {
        double kink = -1.5 + 3.0 * (kinkDraw + 0.5) / 256, slope = (slopeDraw == 0 ? 1 : slopeDraw) / 64.0, offset = offsetDraw / 64.0;
        var data = new Dataset([.. X], [.. X.Select(x => slope * x + offset)], 1);
        var theta = Pair(X, slope, offset, kink);
        var model = Mlp.Relu1D(2);
        var outputs = new double[X.Length];
        model.Forward(theta, data.X, outputs, model.CreateWorkspace(X.Length));
        for (int i = 0; i < X.Length; i++)
            Assert.True(Math.Abs(outputs[i] - data.Y[i]) <= 1e-12 * (1 + Math.Abs(data.Y[i])), $"h(x_{i}) = {outputs[i]:R}, y = {data.Y[i]:R}");
        double predicted = Relu1DLineCost.PairReg(X, slope, kink);
        double engine = model.Reg(theta, data.X, model.CreateWorkspace(X.Length));
        double closedForm = new Relu1DSetting(2, theta, data).Reg();
        Assert.True(Math.Abs(engine - predicted) <= 1e-12 * predicted, $"engine reg {engine:R} vs pair reg {predicted:R} at κ = {kink}");
        Assert.True(Math.Abs(closedForm - predicted) <= 1e-12 * predicted, $"closed-form reg {closedForm:R} vs pair reg {predicted:R}");
    }

    [Property]
    public void The_stated_minima_are_at_most_every_pair_cost(byte kinkDraw)
    {
        double kink = -1.5 + 3.0 * (kinkDraw + 0.5) / 256;
        double reg = Relu1DLineCost.PairReg(X, 0.5, kink);
        var offData = Relu1DLineCost.LeastOffData(X, 0.5);
        var onData = Relu1DLineCost.LeastOnData(X, 0.5);
        Assert.True(Math.Min(offData.Reg, onData.Reg) <= reg * (1 + 1e-12), $"pair at κ = {kink} costs {reg:R}, below both minima");
        if (!X.Contains(kink)) Assert.True(offData.Reg <= reg + 1e-6, $"pair off the data at κ = {kink} costs {reg:R} < {offData.Reg:R}");
    }

    [Fact]
    public void On_the_collinear_data_the_pair_sits_mid_hull_off_the_data_and_on_a_neighbouring_point_on_it()
    {
        // By hand: C_R(0) = C_L(0) = sqrt(1.4 · 4.4)/6, so reg = 1 + 2 · 0.5 · 2 · 0.413655 = 1.82731; with the kink on
        // x = ±0.2, (sqrt(0.8 · 3.36) + sqrt(2.24 · 4.4))/6 = 0.796490, so reg = 1.79649.
        var offData = Relu1DLineCost.LeastOffData(X, 0.5);
        var onData = Relu1DLineCost.LeastOnData(X, 0.5);
        Assert.Equal(0, offData.Kink, 3);
        Assert.Equal(1 + Math.Sqrt(1.4 * 4.4) / 3, offData.Reg, 9);
        Assert.Equal(0.2, Math.Abs(onData.Kink), 12);
        Assert.Equal(1 + (Math.Sqrt(0.8 * 3.36) + Math.Sqrt(2.24 * 4.4)) / 6, onData.Reg, 12);
    }

    /// <summary>R neuron (w = u, b = −uκ, a = s/u) and L neuron (w = −v, b = vκ, a = −s/v), each balanced; c = offset + sκ.</summary>
    private static double[] Pair(double[] x, double slope, double offset, double kink)
    {
        double u = Balancing(x, slope, kink, true), v = Balancing(x, slope, kink, false);
        return [u, -v, -u * kink, v * kink, slope / u, -slope / v, offset + slope * kink];
    }

    /// <summary>The scale that balances a neuron of slope change s: <c>u⁴ Σ(x_i − κ)² = s² Σ(x_i² + 1)</c> over its active points (1 if none).</summary>
    private static double Balancing(double[] x, double slope, double kink, bool rightward)
    {
        var active = x.Where(xi => rightward ? xi > kink : xi < kink).ToArray();
        if (active.Length == 0) return 1;
        return Math.Pow(slope * slope * active.Sum(xi => xi * xi + 1) / active.Sum(xi => (xi - kink) * (xi - kink)), 0.25);
    }
}
