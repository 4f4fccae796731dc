using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// A symbolic setting with one closed form deliberately wrong (docs/theory.md §5 "power"): the wrapped setting with its
/// <c>∇reg</c>, <c>H_i v</c>, <c>g_i</c> or <c>reg</c> passed through a perturbation.
/// </summary>
internal sealed class MutatedSetting(SymbolicSetting inner, string name, string affected) : SymbolicSetting(inner.Theta, inner.Data, inner.ParameterCount)
{
    public Func<double[], double[]> GradReg { get; init; } = v => v;

    public Func<double[], double[]> Hessian { get; init; } = v => v;

    public Func<double[], double[]> Gradient { get; init; } = v => v;

    public Func<double, double> RegValue { get; init; } = v => v;

    public override double Output(int i) => inner.Output(i);

    public override double[] ExampleGradient(int i) => Gradient(inner.ExampleGradient(i));

    public override double[] HessianTimes(int i, ReadOnlySpan<double> v) => Hessian(inner.HessianTimes(i, v));

    public override double Reg() => RegValue(inner.Reg());

    public override double[] RegGradient() => GradReg(inner.RegGradient());

    /// <summary>The compared field the wrong form must show in (<see cref="Agreement.Fields"/>).</summary>
    public string Field => affected;

    public override string ToString() => name;

    /// <summary>The wrong forms tried on every setting.</summary>
    public static IEnumerable<MutatedSetting> All(SymbolicSetting s) =>
    [
        new(s, "grad reg halved (4MU for 8MU)", "grad_reg") { GradReg = v => [.. v.Select(x => x / 2)] },
        new(s, "grad reg sign flipped", "grad_reg") { GradReg = v => [.. v.Select(x => -x)] },
        new(s, "reg doubled", "reg") { RegValue = r => 2 * r },
        new(s, "H_i doubled (4A_iV for 2A_iV)", "drift_exact") { Hessian = v => [.. v.Select(x => 2 * x)] },
        new(s, "g_i with its largest component dropped", "p_grad_reg") { Gradient = DropLargest },
    ];

    private static double[] DropLargest(double[] g)
    {
        var copy = (double[])g.Clone();
        int k = Array.IndexOf(copy, copy.MaxBy(Math.Abs));
        copy[k] = 0;
        return copy;
    }
}
