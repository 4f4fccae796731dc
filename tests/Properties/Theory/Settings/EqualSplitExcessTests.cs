using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The along-M offset at the equal split (docs/theory.md §4.3, "The along-M offset at the equal split"): the symmetric
/// plane embeds in the network (h and reg agree with the engine), its closed-form derivatives agree with finite
/// differences (the reference), and the predicted excess agrees with label-noise SGD run on the plane from the minimum.
/// </summary>
public class EqualSplitExcessTests
{
    private static readonly SymmetricSigmoid Plane = new(3, SigmoidCase.C, 8);

    private static readonly SgdProblem Sgd = SigmoidExperiment.Plan(false, 1).Sgd;

    [Fact]
    public void The_plane_embeds_in_the_network()
    {
        int m = Plane.Width, d = SigmoidCase.X.Length;
        var model = Mlp.TwoLayerSigmoid(d, m);
        var data = new Dataset([.. SigmoidCase.X], [Plane.Y], d);
        foreach (var p in new[] { Plane.EqualSplit(), [1.3, -0.7], [-2.0, 0.4] })
        {
            var theta = new double[model.ParameterCount];
            double scale = p[1] / Math.Sqrt(m * SigmoidCase.C);
            for (int j = 0; j < m; j++)
            {
                theta[j * d] = scale * SigmoidCase.X[0];
                theta[j * d + 1] = scale * SigmoidCase.X[1];
                theta[m * d + j] = scale;
                theta[m * d + m + j] = p[0] / Math.Sqrt(m);
            }
            var outputs = new double[1];
            model.Forward(theta, data.X, outputs, model.CreateWorkspace(1));
            double reg = new Sigmoid2Setting(d, m, theta, data).Reg();
            Assert.True(Math.Abs(outputs[0] - Plane.Value(p)) <= 1e-12 * (1 + Math.Abs(outputs[0])), $"h {outputs[0]:R} vs {Plane.Value(p):R}");
            Assert.True(Math.Abs(reg - Plane.Reg(p)) <= 1e-12 * (1 + reg), $"reg {reg:R} vs {Plane.Reg(p):R}");
        }
    }

    [Fact]
    public void Closed_form_derivatives_agree_with_finite_differences()
    {
        double[] p = [1.3, -0.7], e = [0.6, -0.8];
        const double step = 1e-5;
        var hessian = Plane.Hessian(p);
        for (int k = 0; k < 2; k++)
        {
            double[] up = [p[0] + (k == 0 ? step : 0), p[1] + (k == 1 ? step : 0)], down = [p[0] - (k == 0 ? step : 0), p[1] - (k == 1 ? step : 0)];
            var gu = Plane.Gradient(up);
            var gd = Plane.Gradient(down);
            for (int i = 0; i < 2; i++)
                Assert.True(Math.Abs((gu[i] - gd[i]) / (2 * step) - hessian[i, k]) <= 1e-7, $"∂²h[{i},{k}]");
        }
        // ∇³h[e, e] = d/dr (∇²h(p + r e) e) contracted once more with e: compare with the difference of ∇²h[e] along e.
        double[] pu = [p[0] + step * e[0], p[1] + step * e[1]], pd = [p[0] - step * e[0], p[1] - step * e[1]];
        var hu = Plane.Hessian(pu);
        var hd = Plane.Hessian(pd);
        var third = Plane.Third(p, e);
        for (int i = 0; i < 2; i++)
        {
            double fd = ((hu[i, 0] - hd[i, 0]) * e[0] + (hu[i, 1] - hd[i, 1]) * e[1]) / (2 * step);
            Assert.True(Math.Abs(fd - third[i]) <= 1e-7, $"∇³h[e, e]_{i}: {third[i]:R} vs {fd:R}");
        }
    }

    [Fact]
    public void Reg_curvature_along_M_agrees_with_finite_differences_on_M()
    {
        var star = Plane.EqualSplit();
        var n = Plane.Normal(star);
        double[] t = [-n[1], n[0]];
        const double step = 1e-3;
        var up = Plane.Project([star[0] + step * t[0], star[1] + step * t[1]]);
        var down = Plane.Project([star[0] - step * t[0], star[1] - step * t[1]]);
        double su = Math.Sqrt(Math.Pow(up[0] - star[0], 2) + Math.Pow(up[1] - star[1], 2));
        double sd = Math.Sqrt(Math.Pow(down[0] - star[0], 2) + Math.Pow(down[1] - star[1], 2));
        double fd = 2 * (sd * (Plane.Reg(up) - Plane.Reg(star)) + su * (Plane.Reg(down) - Plane.Reg(star))) / (su * sd * (su + sd));
        double exact = Plane.RegCurvatureAlongM(star);
        Assert.True(exact > 0 && Math.Abs(fd - exact) <= 1e-5 * exact, $"K {exact:R} vs {fd:R}");
    }

    [Fact]
    public void The_predicted_excess_is_what_label_noise_keeps_at_the_equal_split()
    {
        // 600 chains of label-noise SGD on the symmetric plane from the minimum itself, K = 60 000 steps (the full run's
        // horizon), reg read at the projection; against the excess with its bias bound at K.
        var excess = EqualSplitExcess.Of(Plane.Y, Plane.C, Plane.Width, Sgd);
        const int chains = 600, steps = 60_000;
        var star = Plane.EqualSplit();
        double floor = Plane.Reg(star);
        var rng = new Random(20261207);
        var readings = new double[chains];
        for (int c = 0; c < chains; c++)
        {
            var p = (double[])star.Clone();
            for (int k = 0; k < steps; k++) p = Plane.Step(p, Sgd.Eta, Sgd.Sigma, Gaussian(rng));
            readings[c] = Plane.Reg(Plane.Project(p)) - floor;
        }
        double mean = readings.Average();
        double se = Math.Sqrt(readings.Sum(r => (r - mean) * (r - mean)) / (chains - 1) / chains);
        var row = SuiteBudget.Budget.Judge("equal_split_excess", "m=8 y=3", excess.Excess, mean, se, excess.Bias(steps), "");
        Assert.True(row.Pass, $"measured {mean:G4} ± {se:G2} vs predicted {excess.Excess:G4} (shift {excess.ShiftExcess:G3}, spread {excess.SpreadExcess:G3}) ± {row.Tolerance:G3}");
        // Power: without the resting shift (the spread alone), the same measurement is rejected.
        var spreadOnly = SuiteBudget.Budget.Judge("equal_split_excess", "m=8 y=3", excess.SpreadExcess, mean, se, excess.Bias(steps), "");
        Assert.False(spreadOnly.Pass, $"the spread alone {excess.SpreadExcess:G4} was not rejected by {mean:G4} ± {se:G2}");
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
