using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Offset;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The next-order predictions of a K-step window from a stationary start (docs/theory.md §3.9–§3.10), read off the
/// <see cref="MeanPath"/>: the mean normal offset at chosen steps, the window-averaged drift <c>(1/K) Σ_k d′(m_k)</c>
/// (the tangent part of <c>θ̄_K − θ*</c> over K) and the reg change of the moving mean
/// <c>[reg(Proj_M θ̄_K) − reg(θ*)]/K</c>, with the stated remainder.
/// </summary>
public sealed class OffsetCorrection
{
    /// <summary>
    /// The covariance change of order T² in units of δS (docs/theory.md §3.5): <c>δS + Δ + Δᵀ</c>
    /// (<see cref="FluctuationCoupling.CrossCovariance"/>) is 3δS for <c>ηλ ≪ 1</c> and <c>S ∝ Π_N</c>, and smaller at
    /// finite η on the suite's cases (2.5 to 2.98).
    /// </summary>
    public const double CovarianceChangeFactor = 3;

    private readonly double[][] _path;

    private OffsetCorrection(TheoryCase @case, DriftPrediction prediction, MeanNormalOffset offset, IReadOnlyList<int> steps, double[][] path)
    {
        Case = @case;
        Prediction = prediction;
        Offset = offset;
        Gamma = Coupling(@case, prediction, offset);
        BaseRemainder = FourthOrder(@case, prediction) + CovarianceChangeFactor * Gamma;
        Steps = steps;
        _path = path;
    }

    /// <summary>
    /// Runs the mean path to the largest of <paramref name="steps"/> (ascending), refreshing S at the mean every tenth
    /// of the window so the covariance follows the moving base point.
    /// </summary>
    public static OffsetCorrection Predict(TheoryCase @case, DriftPrediction prediction, IReadOnlyList<int> steps)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(steps);
        var offset = MeanNormalOffset.At(@case.Model, @case.Theta, @case.Data, @case.Frame, prediction.Covariance, @case.Sgd);
        int last = steps[^1];
        var path = MeanPath.Run(@case, prediction.Covariance, last, steps, RefreshInterval(last));
        return new OffsetCorrection(@case, prediction, offset, steps, path);
    }

    /// <summary>Steps between refreshes of S on a window of K steps: a tenth of it, at least 1.</summary>
    public static int RefreshInterval(int steps) => Math.Max(1, steps / 10);

    /// <summary>The case.</summary>
    public TheoryCase Case { get; }

    /// <summary>The leading (θ*-fixed) prediction the correction is added to.</summary>
    public DriftPrediction Prediction { get; }

    /// <summary>The linearised offset: <c>b(S)</c>, <c>m_∞</c> and the closed-form transient.</summary>
    public MeanNormalOffset Offset { get; }

    /// <summary>
    /// The fluctuation coupling γ at θ*: the relative size of the force of the covariance change δS against b(S)
    /// (<see cref="FluctuationCoupling.RelativeTo"/>).
    /// </summary>
    public double Gamma { get; }

    /// <summary>
    /// The relative remainder before the correction's own size enters, <c>ε₀ = max(C λ_max(S), ε₄) + 3γ</c>
    /// (<see cref="RemainderAt(TheoryCase, DriftPrediction, MeanNormalOffset)"/>).
    /// </summary>
    public double BaseRemainder { get; }

    /// <summary>The steps the mean path was recorded at.</summary>
    public IReadOnlyList<int> Steps { get; }

    /// <summary>θ̄ at <see cref="Steps"/>[s].</summary>
    public double[] MeanAt(int s) => _path[s];

    /// <summary>The predicted mean normal coordinates <c>Qᵀ(θ̄_k − θ*)</c> at <see cref="Steps"/>[s].</summary>
    public double[] NormalOffsetAt(int s) => Case.Frame.Coordinates(Displacement(s));

    /// <summary>The predicted per-step drift averaged over the first <see cref="Steps"/>[s] steps, <c>P(θ̄_k − θ*)/k</c>.</summary>
    public double[] AverageDrift(int s)
    {
        var tangent = Case.Frame.ProjectTangent(Displacement(s));
        for (int q = 0; q < tangent.Length; q++) tangent[q] /= Steps[s];
        return tangent;
    }

    /// <summary>The predicted per-step change of <c>reg(Proj_M θ)</c> over the first <see cref="Steps"/>[s] steps.</summary>
    public double RegRate(int s) =>
        (ProjectedObservable.Reg(Case.Model, Case.Data).AtProjection(Case.Model, Case.Data, _path[s]) - Prediction.Regularizer.Reg) / Steps[s];

    /// <summary>
    /// The relative remainder of a corrected prediction (docs/theory.md §3.5), relative to <paramref name="corrected"/>:
    /// <c>ε₀ (|leading| + |corrected − leading|) / |corrected|</c> — ε₀ on each part, the θ*-fixed prediction and the
    /// correction, both linear in the force to this order.
    /// </summary>
    public double Remainder(double corrected, double leading) => Remainder(BaseRemainder, corrected, leading);

    /// <summary>The same for a stated <paramref name="baseRemainder"/> ε₀ (see the instance overload).</summary>
    public static double Remainder(double baseRemainder, double corrected, double leading) =>
        corrected == 0 ? 0 : baseRemainder * (Math.Abs(leading) + Math.Abs(corrected - leading)) / Math.Abs(corrected);

    /// <summary>
    /// <c>ε₀ = max(C λ_max(S), ε₄) + 3γ</c> at θ* (docs/theory.md §3.5): the fourth order in the fluctuation (the stated
    /// <see cref="SuiteBudget.RemainderBound"/>, or the measured <see cref="FourthOrderRemainder"/> ε₄ where larger)
    /// plus the covariance change that the second-order force's fluctuation causes, <c>γ</c> of
    /// <see cref="FluctuationCoupling"/>: through <c>ũ₂ũ₂ᵀ</c> once and through <c>u₁u₃ᵀ</c> and its transpose about once
    /// each (<see cref="CovarianceChangeFactor"/>).
    /// </summary>
    public static double RemainderAt(TheoryCase @case, DriftPrediction prediction, MeanNormalOffset offset)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(prediction);
        return FourthOrder(@case, prediction) + CovarianceChangeFactor * Coupling(@case, prediction, offset);
    }

    /// <summary><see cref="RemainderAt(TheoryCase, DriftPrediction, MeanNormalOffset)"/> with the offset computed here.</summary>
    public static double RemainderAt(TheoryCase @case, DriftPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(prediction);
        return RemainderAt(@case, prediction,
            MeanNormalOffset.At(@case.Model, @case.Theta, @case.Data, @case.Frame, prediction.Covariance, @case.Sgd));
    }

    /// <summary>
    /// The fourth-order part of ε₀ (docs/theory.md §3.5): the stated <c>C λ_max(S)</c>
    /// (<see cref="SuiteBudget.RemainderBound"/>), or the case's measured <see cref="FourthOrderRemainder"/> where that
    /// is larger.
    /// </summary>
    public static double FourthOrder(TheoryCase @case, DriftPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return FourthOrder(@case, prediction.Covariance);
    }

    /// <summary>The same for any normal covariance <paramref name="covariance"/> (a control's start, isotropic noise).</summary>
    public static double FourthOrder(TheoryCase @case, OuCovariance covariance)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(covariance);
        return Math.Max(SuiteBudget.RemainderBound(covariance), FourthOrderRemainder.Of(@case, covariance).Relative);
    }

    private static double Coupling(TheoryCase @case, DriftPrediction prediction, MeanNormalOffset offset) =>
        FluctuationCoupling.Of(@case.Model, @case.Theta, @case.Data, @case.Frame, prediction.Covariance, offset)
            .RelativeTo(@case.Frame, offset.Force);

    private double[] Displacement(int s)
    {
        var d = (double[])_path[s].Clone();
        Vectors.AddScaled(d, Case.Theta, -1);
        return d;
    }
}
