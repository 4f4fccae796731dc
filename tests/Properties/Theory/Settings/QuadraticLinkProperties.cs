using FsCheck.Xunit;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The weighted-ℓ1 link of docs/theory.md §7, on the engine's own <c>reg</c>: for <c>h = ⟨θ⊙θ, x⟩</c>,
/// <c>reg = 4⟨h̄, β⟩</c> with <c>h̄ = diag(XᵀX)/n</c>; for the signed form <c>reg ≥ 4⟨h̄, |β|⟩</c>, with equality once
/// <c>u ⊙ v = 0</c> (each coordinate carried by u or by v alone). <c>h̄</c> and β are formed here from the data and θ.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class QuadraticLinkProperties
{
    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Reg_is_four_times_the_weighted_l1_norm_of_beta(NetworkCase c)
    {
        var model = (QuadraticLinear)c.Model;
        int d = model.Dimension;
        var theta = (double[])c.Theta.Clone();
        if (model.IsDifference)
        {
            for (int j = 0; j < d; j++) theta[j % 2 == 0 ? j : d + j] = 0; // u ⊙ v = 0
        }
        var hbar = new double[d];
        for (int i = 0; i < c.Data.Count; i++)
        {
            for (int j = 0; j < d; j++) hbar[j] += c.Data.Row(i)[j] * c.Data.Row(i)[j] / c.Data.Count;
        }
        var beta = model.Beta(theta);
        double l1 = Enumerable.Range(0, d).Sum(j => hbar[j] * Math.Abs(beta[j]));
        double reg = model.Reg(theta, c.Data.X, model.CreateWorkspace(c.Data.Count));
        Assert.True(Math.Abs(reg - 4 * l1) <= 1e-12 * (reg + 1e-300), $"reg {reg} vs 4⟨h̄, |β|⟩ = {4 * l1}");
        Assert.Equal(l1, QuadraticSetting.WeightedL1(hbar, beta), 12);
    }

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Signed_reg_is_at_least_the_weighted_l1_norm(NetworkCase c)
    {
        var model = (QuadraticLinear)c.Model;
        var setting = new QuadraticSetting(model.Dimension, model.IsDifference, c.Theta, c.Data);
        Assert.True(setting.Reg() >= 4 * setting.WeightedL1Norm * (1 - 1e-12), $"reg {setting.Reg()} < 4⟨h̄, |β|⟩ = {4 * setting.WeightedL1Norm}");
    }
}
