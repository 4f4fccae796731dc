using NoiseDrift.Engine.Sgd;
namespace NoiseDrift.Theory.Settings;

/// <summary>
/// How closely the symbolic route (docs/theory.md §4) and the general route (§1–§3) agree: for each of reg, ∇reg, P∇reg,
/// the leading and the exact drift, <c>max_k |symbolic_k − general_k|</c> over the field's scale (|reg|; ||∇reg|| for
/// ∇reg and P∇reg, since P∇reg may vanish; <c>(η²σ²/4B) ||∇reg||</c> for the drifts), and the worst of the five.
/// </summary>
public static class RouteAgreement
{
    /// <summary>The worst relative difference over the five fields (0 when they agree exactly).</summary>
    public static double Worst(ClosedFormPrediction symbolic, PredictionSummary general, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(symbolic);
        ArgumentNullException.ThrowIfNull(general);
        ArgumentNullException.ThrowIfNull(sgd);
        double gradScale = Geometry.Vectors.Norm(general.GradReg);
        double driftScale = sgd.Eta * sgd.Eta * sgd.Sigma * sgd.Sigma / (4.0 * sgd.Batch) * gradScale;
        return new[]
        {
            Relative([symbolic.Reg], [general.Reg], Math.Abs(general.Reg)),
            Relative(symbolic.GradReg, general.GradReg, gradScale),
            Relative(symbolic.PGradReg, general.PGradReg, gradScale),
            Relative(symbolic.DriftLeading, general.DriftLeading, driftScale),
            Relative(symbolic.DriftExact, general.DriftExact, driftScale),
        }.Max();
    }

    private static double Relative(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double scale)
    {
        double worst = 0;
        for (int k = 0; k < a.Length; k++) worst = Math.Max(worst, Math.Abs(a[k] - b[k]));
        return worst == 0 ? 0 : worst / scale;
    }
}
