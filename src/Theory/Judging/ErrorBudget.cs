using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The suite's error budget (docs/theory.md §5). With M checks and a target family-wise false-alarm probability α, each
/// two-sided check uses <c>z = Φ⁻¹(1 − α/(2M))</c> (Bonferroni), so the chance that any correct prediction fails
/// through noise stays below α when the standard errors are right. A check passes when
/// <c>|measured − predicted| ≤ z · SE + bias bound</c>, the bias bound being the stated higher-order term.
/// </summary>
public sealed class ErrorBudget
{
    /// <summary>
    /// The default M of a stand-alone budget (a unit test, one experiment). The suite's checks do not use it: they
    /// share <see cref="SuiteBudget.Budget"/>, M = 20,000 comparisons (z ≈ 6.6).
    /// </summary>
    public const int DefaultCheckCount = 200;

    /// <summary>The default family-wise false-alarm probability.</summary>
    public const double DefaultFamilyWiseFalseAlarm = 1e-6;

    /// <summary>A budget for <paramref name="checkCount"/> checks at family-wise false-alarm <paramref name="familyWiseFalseAlarm"/>.</summary>
    public ErrorBudget(int checkCount = DefaultCheckCount, double familyWiseFalseAlarm = DefaultFamilyWiseFalseAlarm)
    {
        Guard.Positive(checkCount, "checkCount");
        if (!(familyWiseFalseAlarm > 0 && familyWiseFalseAlarm < 1))
            throw new InvalidInputException("familyWiseFalseAlarm", $"must be in (0, 1), got {Guard.Format(familyWiseFalseAlarm)}");
        CheckCount = checkCount;
        FamilyWiseFalseAlarm = familyWiseFalseAlarm;
        Z = -Normal.InvCDF(0, 1, familyWiseFalseAlarm / (2.0 * checkCount));
    }

    /// <summary>A stand-alone budget: 200 checks at α = 1e-6 (z ≈ 5.84); the suite's checks use the 20,000 of <c>SuiteBudget</c>.</summary>
    public static ErrorBudget Default { get; } = new();

    /// <summary>M, the number of checks the budget is shared among.</summary>
    public int CheckCount { get; }

    /// <summary>α, the family-wise false-alarm probability.</summary>
    public double FamilyWiseFalseAlarm { get; }

    /// <summary><c>z = Φ⁻¹(1 − α/(2M))</c>, computed from the lower tail for accuracy.</summary>
    public double Z { get; }

    private readonly ConcurrentDictionary<int, double> _studentZ = new();

    /// <summary>
    /// The critical value for a standard error estimated from <paramref name="samples"/> independent samples
    /// (docs/theory.md §5, "Few samples"): Student's <c>t_ν⁻¹(1 − α/(2M))</c>, ν = N − 1, the same per-comparison
    /// false-alarm probability as <see cref="Z"/>, which is its limit for N → ∞.
    /// </summary>
    public double ZFor(int samples)
    {
        if (samples < 2) throw new InvalidInputException("samples", $"has {samples} values; a standard error needs at least 2");
        return _studentZ.GetOrAdd(samples - 1, freedom => Math.Max(Z, StudentCritical.Quantile(FamilyWiseFalseAlarm / CheckCount, freedom)));
    }

    /// <summary>The tolerance <c>z_ν · SE + bias bound</c> of a sample mean, z_ν = <see cref="ZFor"/> its count.</summary>
    public double Tolerance(MeanEstimate measured, double biasBound)
    {
        ArgumentNullException.ThrowIfNull(measured);
        return VerdictRule.Tolerance(ZFor(measured.Count), measured.StdErr, biasBound);
    }

    /// <summary>
    /// Judges a sample mean (docs/theory.md §5) at the critical value of its own sample count (<see cref="ZFor"/>):
    /// tolerance <c>z_ν · SE + bias bound</c>.
    /// </summary>
    public CheckResult Judge(string check, string @case, double predicted, MeanEstimate measured, double biasBound = 0,
        string detail = "")
    {
        ArgumentNullException.ThrowIfNull(measured);
        Guard.NonNegative(measured.StdErr, "stdErr");
        Guard.NonNegative(biasBound, "biasBound");
        return VerdictRule.Judge(check, @case, predicted, measured.Mean, measured.StdErr, ZFor(measured.Count), biasBound, detail);
    }

    /// <summary>The tolerance <c>z · SE + bias bound</c> of this budget (<see cref="VerdictRule.Tolerance"/>).</summary>
    public double Tolerance(double stdErr, double biasBound) => VerdictRule.Tolerance(Z, stdErr, biasBound);

    /// <summary>
    /// Judges a measurement (docs/theory.md §5) by <see cref="VerdictRule"/> at this budget's z: tolerance
    /// <c>z · SE + bias bound</c>; a non-finite prediction or measurement fails.
    /// </summary>
    public CheckResult Judge(string check, string @case, double predicted, double measured, double stdErr,
        double biasBound = 0, string detail = "")
    {
        Guard.NonNegative(stdErr, "stdErr");
        Guard.NonNegative(biasBound, "biasBound");
        return VerdictRule.Judge(check, @case, predicted, measured, stdErr, Z, biasBound, detail);
    }

    /// <summary>
    /// Judges the same measurement against a perturbed prediction (docs/theory.md §5, power); the result reports whether
    /// the perturbation was rejected.
    /// </summary>
    public PowerResult PowerCheck(string check, string @case, string perturbation, double perturbedPrediction,
        double measured, double stdErr, double biasBound = 0)
    {
        var verdict = Judge(check, @case, perturbedPrediction, measured, stdErr, biasBound, $"power: {perturbation}");
        return new PowerResult(perturbation, verdict);
    }
}
