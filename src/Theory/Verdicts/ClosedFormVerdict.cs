using System.Globalization;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// A setting's closed forms against the engine's general route at a point on M (docs/theory.md §4: "each is implemented
/// independently of the engine's derivative code and checked against it"), one <c>check</c> row per setting:
/// <c>reg</c>, every component of <c>∇reg</c> and of the exact-S drift from <see cref="SymbolicSetting.Predict"/>
/// (predicted) against <see cref="PredictionSummary"/> (measured). Both are exact, so the tolerance is round-off only:
/// per field, <see cref="RoundOff"/> · p · κ(J Jᵀ) · ε_mach times the field's scale (|reg|, ‖∇reg‖, ‖d_exact‖), κ
/// because the drift solves with the Gram matrix and p for the sums over parameters. The row is the worst component
/// (<see cref="WorstComponent"/>); its detail says how many tolerances a factor-2 error in the closed form lies away
/// (the power check, <see cref="Judge(TheoryCase, double)"/> with factor 2).
/// </summary>
public static class ClosedFormVerdict
{
    /// <summary>The round-off constant of the bound (operations per accumulated term, stated).</summary>
    public const double RoundOff = 100;

    /// <summary>ε_mach = 2⁻⁵², the spacing of doubles at 1.</summary>
    public static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>The row for a setting case, or null when the case's model is none of the paper's settings.</summary>
    public static CheckResult? Judge(TheoryCase @case) => Judge(@case, 1);

    /// <summary>The row with every closed-form field multiplied by <paramref name="factor"/> (1: the true closed form; 2: the power check).</summary>
    public static CheckResult? Judge(TheoryCase @case, double factor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var setting = SettingOf.Try(@case.Model, @case.Theta, @case.Data);
        if (setting is null) return null;
        var closed = setting.Predict(@case.Sgd);
        var general = PredictionSummary.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var gram = @case.Frame.HessianEigenvalues;
        double condition = gram[^1] / gram[0];
        double unit = RoundOff * @case.Theta.Length * condition * MachineEpsilon;
        var fields = new (string Name, double[] Closed, double[] General)[]
        {
            ("reg", [closed.Reg], [general.Reg]),
            ("∇reg", closed.GradReg, general.GradReg),
            ("d_exact", closed.DriftExact, general.DriftExact),
        };
        var rows = new List<CheckResult>();
        foreach (var (name, c, g) in fields)
        {
            double scale = Math.Sqrt(g.Sum(v => v * v));
            for (int k = 0; k < c.Length; k++)
                rows.Add(VerdictRule.Exact("closed_form_vs_engine", @case.Name, factor * c[k], g[k], unit * scale,
                    $"{name}[{k}]: the setting's closed form vs the engine's general route at θ on M; round-off bound {RoundOff}·p·κ(JJᵀ)·ε_mach·scale, κ = {condition:G3}"));
        }
        var worst = rows[WorstComponent.Of(rows)];
        if (factor != 1) return worst;
        var broken = Judge(@case, 2)!;
        return worst with
        {
            Detail = worst.Detail + string.Create(CultureInfo.InvariantCulture,
                $"; power: the closed form times 2 lies {VerdictRule.Ratio(broken):G3} tolerances away ({broken.Detail.Split(':')[0]})"),
        };
    }
}
