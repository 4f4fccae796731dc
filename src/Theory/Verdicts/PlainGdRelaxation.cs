using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The σ = 0 control of docs/theory.md §3, predicted. Without label noise the normal covariance only relaxes,
/// <c>S_{k+1} = T(S_k)</c> with T the <see cref="SecondMomentMap"/>, so the K-step tangent displacement is the drift
/// formula with <c>W_K = Σ_{k&lt;K} S_k</c> in place of S: a finite transient, with no sustained drift. Its per-step
/// average <c>−η (1/n) Σ_i P H_i W_K g_i / K</c> decays like 1/K.
/// </summary>
public static class PlainGdRelaxation
{
    /// <summary>The predicted per-step average drift over K plain-GD steps from <c>u_0 ~ N(0, S_0)</c>.</summary>
    public static double[] PerStepDrift(TheoryCase @case, OuCovariance start, int steps)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(start);
        var map = new SecondMomentMap(@case.Frame, @case.Sgd);
        var current = start.Matrix;
        var total = Matrix<double>.Build.Dense(current.RowCount, current.RowCount);
        for (int k = 0; k < steps; k++)
        {
            total += current;
            current = map.Apply(current);
        }
        var drift = TangentDrift.Exact(@case.Model, @case.Theta, @case.Data, @case.Frame,
            OuCovariance.Of(total / steps, "plain-GD relaxation average"), @case.Sgd.Eta);
        return drift;
    }
}
