using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The error budget every theory-versus-simulation check shares (docs/theory.md §5), and the stated bound on the
/// higher-order remainder.
/// <para>
/// Comparisons: a vector check counts once per component. The default test tier and <c>noisedrift check --deep</c>
/// together make fewer than <see cref="ComparisonCount"/> comparisons, so with Bonferroni's
/// <c>z = Φ⁻¹(1 − α/(2M))</c> ≈ 6.6 the chance that any correct prediction fails through noise is below α = 1e-6.
/// </para>
/// </summary>
public static class SuiteBudget
{
    /// <summary>An upper bound M on the statistical comparisons in one run of the suite.</summary>
    public const int ComparisonCount = 20_000;

    /// <summary>
    /// The constant C of the stated remainder bound <c>C · λ_max(S)</c>, relative to the predicted quantity. The
    /// exact-S formulas of §2–§3 are exact to second order in <c>u = θ − θ*</c>; the next terms are smaller by a factor
    /// <c>||u||² ~ λ_max(S)</c> times a ratio of higher to lower derivatives of h, which is of order one for the O(1)
    /// weights and inputs of the suite's cases. C = 100 leaves two decades of room; the cases keep
    /// <c>λ_max(S) ≤ 1e-5</c> so the bound stays at or below 0.1%.
    /// </summary>
    public const double RemainderConstant = 100;

    /// <summary>The shared budget, <c>α = 1e-6</c> over <see cref="ComparisonCount"/> comparisons.</summary>
    public static ErrorBudget Budget { get; } = new(ComparisonCount);

    /// <summary>The stated relative bound on the higher-order remainder, <c>C · λ_max(S)</c>.</summary>
    public static double RemainderBound(OuCovariance covariance) =>
        RemainderConstant * Math.Max(0, covariance.Eigenvalues[^1]);
}
