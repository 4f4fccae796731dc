using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The derived relations of the 1-D ReLU network (docs/theory.md §4.2), checked against the engine's general route:
/// the rescaling direction <c>t_j = (w_j, b_j, −a_j)</c> lies in <c>ker J</c>, and
/// <c>t_j · P∇reg = (2/n)(Σ_i relu(z_ij)² − a_j² Σ_{i active}(x_i² + 1))</c>, so <c>P∇reg = 0</c> forces every active
/// neuron to balance and an unbalanced neuron gives <c>P∇reg ≠ 0</c> along its rescaling curve; after balancing,
/// <c>reg = 1 + Σ_j 2|a_j w_j| C(κ_j)</c>, and in general reg is at least that (AM–GM), with equality exactly when
/// balanced. Tolerances are rounding (1e-10 relative, as <see cref="Agreement"/>).
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class Relu1DBalanceProperties
{
    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void Rescaling_component_of_p_grad_reg_is_the_balance_defect(SettingInstance s)
    {
        var setting = (Relu1DSetting)s.Symbolic;
        var general = Agreement.General(s);
        double scale = Agreement.Norm(general.GradReg) * Agreement.Norm(setting.Theta);
        for (int j = 0; j < setting.Width; j++)
        {
            var t = setting.RescalingDirection(j);
            var jt = Enumerable.Range(0, setting.Count).Select(i => Dot(setting.ExampleGradient(i), t)).ToArray();
            Agreement.Close(new double[jt.Length], jt, Agreement.Norm(t) * Agreement.Norm(setting.Jacobian()), $"J t_{j} = 0");
            double predicted = 2.0 / setting.Count * Relu1DShape.BalanceDefect(setting, j);
            Agreement.Close([predicted], [Dot(t, general.PGradReg)], scale, $"t_{j} · P∇reg");
        }
    }

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void Balancing_makes_the_rescaling_components_vanish_and_reg_equal_its_balanced_form(SettingInstance s)
    {
        var setting = (Relu1DSetting)s.Symbolic;
        double reg = setting.Reg(), balanced = Relu1DShape.BalancedReg(setting);
        if (!(reg >= balanced * (1 - 1e-12)))
            throw new CheckFailedException($"reg {reg:R} below its balanced form {balanced:R}");

        var rebalanced = Balanced(setting);
        var instance = s with { Case = s.Case with { Theta = rebalanced.Theta } };
        var general = Agreement.General(instance);
        double scale = Agreement.Norm(general.GradReg) * Agreement.Norm(rebalanced.Theta);
        for (int j = 0; j < rebalanced.Width; j++)
        {
            var neuron = Relu1DShape.Neuron(rebalanced, j);
            if (neuron.ActiveCount == 0 || rebalanced.A(j) == 0) continue;
            Agreement.Close([1.0], [neuron.BalanceRatio], 1, $"balance ratio of neuron {j}");
            Agreement.Close([0.0], [Dot(rebalanced.RescalingDirection(j), general.PGradReg)], scale, $"t_{j} · P∇reg after balancing");
        }
        Agreement.Close([Relu1DShape.BalancedReg(rebalanced)], [general.Reg], general.Reg, "reg = 1 + Σ 2|a w| C after balancing");
        Agreement.Close([balanced], [Relu1DShape.BalancedReg(rebalanced)], balanced, "balancing leaves 1 + Σ 2|a w| C unchanged");
    }

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void An_unbalanced_neuron_has_a_non_zero_tangent_gradient(SettingInstance s)
    {
        var setting = (Relu1DSetting)s.Symbolic;
        var general = Agreement.General(s);
        double scale = Agreement.Norm(general.GradReg) * Agreement.Norm(setting.Theta);
        for (int j = 0; j < setting.Width; j++)
        {
            double defect = 2.0 / setting.Count * Relu1DShape.BalanceDefect(setting, j);
            if (Math.Abs(defect) > 1e-6 * scale && !(Agreement.Norm(general.PGradReg) > 0.5 * Math.Abs(defect) / Agreement.Norm(setting.RescalingDirection(j))))
                throw new CheckFailedException($"neuron {j} is unbalanced (defect {defect:G3}) but ||P∇reg|| = {Agreement.Norm(general.PGradReg):G3}");
        }
    }

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void Power_a_wrong_balance_exponent_is_rejected(SettingInstance s)
    {
        // The balance condition with a_j instead of a_j² (a wrong exponent) does not match t_j · P∇reg.
        var setting = (Relu1DSetting)s.Symbolic;
        var general = Agreement.General(s);
        double scale = Agreement.Norm(general.GradReg) * Agreement.Norm(setting.Theta);
        for (int j = 0; j < setting.Width; j++)
        {
            double a = setting.A(j), moments = Relu1DShape.BalanceDefect(setting, j);
            double squares = moments + a * a * Moments(setting, j), wrong = 2.0 / setting.Count * (squares - Math.Abs(a) * Moments(setting, j));
            double actual = Dot(setting.RescalingDirection(j), general.PGradReg);
            if (Math.Abs(Math.Abs(a) - a * a) * Moments(setting, j) > 1e-6 * setting.Count * scale &&
                Agreement.Ratio([wrong], [actual], scale) <= 1)
                throw new CheckFailedException($"the wrong balance |a_j| for a_j² was accepted at neuron {j}");
        }
    }

    /// <summary>Every neuron rescaled by <c>s_j = (a_j² Σ(x²+1) / Σ relu²)^{1/4}</c>, which balances it and keeps h.</summary>
    private static Relu1DSetting Balanced(Relu1DSetting setting)
    {
        int m = setting.Width;
        var theta = (double[])setting.Theta.Clone();
        for (int j = 0; j < m; j++)
        {
            var neuron = Relu1DShape.Neuron(setting, j);
            if (!double.IsFinite(neuron.BalanceRatio) || neuron.BalanceRatio <= 0) continue;
            double scale = Math.Pow(neuron.BalanceRatio, -0.25);
            theta[j] *= scale;
            theta[m + j] *= scale;
            theta[2 * m + j] /= scale;
        }
        return new Relu1DSetting(m, theta, setting.Data);
    }

    private static double Moments(Relu1DSetting setting, int j) =>
        Enumerable.Range(0, setting.Count).Where(i => setting.Active(i, j)).Sum(i => setting.X(i) * setting.X(i) + 1);

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
