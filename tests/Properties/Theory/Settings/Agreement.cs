using NoiseDrift.Engine.Sgd;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The comparison of the symbolic route with the engine and the general route (docs/theory.md §4 against §1–§3): every
/// entry within <see cref="Relative"/> of the quantity's scale. The scale of a vector is its reference's norm, or for
/// projected quantities the norm of the unprojected one (P∇reg can vanish while ∇reg does not).
/// </summary>
internal static class Agreement
{
    /// <summary>The demanded relative agreement (issue 8: 1e-10).</summary>
    public const double Relative = 1e-10;

    /// <summary>The worst <c>|expected − actual|_∞ / (Relative · scale)</c>; at most 1 means agreement.</summary>
    public static double Ratio(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double scale)
    {
        if (expected.Length != actual.Length) return double.PositiveInfinity;
        double worst = 0;
        for (int k = 0; k < expected.Length; k++) worst = Math.Max(worst, Math.Abs(expected[k] - actual[k]));
        if (worst == 0) return 0;
        double ratio = worst / (Relative * scale);
        return double.IsNaN(ratio) ? double.PositiveInfinity : ratio;
    }

    /// <summary>Throws unless the two agree.</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double scale, string what)
    {
        double ratio = Ratio(expected, actual, scale);
        if (!(ratio <= 1))
            throw new CheckFailedException($"{what}: symbolic and engine differ by {ratio:G3} × {Relative:G1} of the scale {scale:G3}");
    }

    /// <summary>Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return Math.Sqrt(s);
    }

    /// <summary>
    /// The five compared quantities with their scales: <c>reg</c> (scale reg), <c>∇reg</c> and <c>P∇reg</c> (scale
    /// ||∇reg||), both drifts (scale <c>(η²σ²/4B) ||∇reg||</c>).
    /// </summary>
    public static IEnumerable<(string Name, double[] Symbolic, double[] General, double Scale)> Fields(
        ClosedFormPrediction symbolic, PredictionSummary general, SgdProblem sgd)
    {
        double gradScale = Norm(general.GradReg), driftScale = sgd.Eta * sgd.Eta * sgd.Sigma * sgd.Sigma / (4.0 * sgd.Batch) * gradScale;
        yield return ("reg", [symbolic.Reg], [general.Reg], Math.Abs(general.Reg));
        yield return ("grad_reg", symbolic.GradReg, general.GradReg, gradScale);
        yield return ("p_grad_reg", symbolic.PGradReg, general.PGradReg, gradScale);
        yield return ("drift_leading", symbolic.DriftLeading, general.DriftLeading, driftScale);
        yield return ("drift_exact", symbolic.DriftExact, general.DriftExact, driftScale);
    }

    /// <summary>The worst ratio over the five fields of <see cref="Fields"/>.</summary>
    public static double WorstField(ClosedFormPrediction symbolic, PredictionSummary general, SgdProblem sgd) =>
        Fields(symbolic, general, sgd).Max(f => Ratio(f.Symbolic, f.General, f.Scale));

    /// <summary>The general route's five fields as a <see cref="ClosedFormPrediction"/>, to list its fields.</summary>
    public static ClosedFormPrediction ToClosedForm(this PredictionSummary s) =>
        new(s.Reg, s.GradReg, s.PGradReg, s.DriftLeading, s.DriftExact);

    /// <summary>The general route (engine derivatives) at the instance.</summary>
    public static PredictionSummary General(SettingInstance s) =>
        PredictionSummary.At(s.Case.Model, s.Case.Theta, s.Case.Data, s.Sgd);
}
