namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The verdict of one check (docs/theory.md §5): a prediction, a measurement with its standard error, and the parts of the
/// tolerance it was judged against, the z of its error budget and the stated bias bound, so that the tolerance
/// <c>z · SE + bias</c> (<see cref="VerdictRule.Tolerance"/>) never has to be taken apart again. This is also the JSON
/// line of <c>noisedrift check --json</c>, which carries the tolerance but not its parts.
/// </summary>
/// <param name="Check">What is checked, e.g. <c>gradient</c>, <c>ou_covariance</c>, <c>drift_dynamic</c>.</param>
/// <param name="Case">The case it ran on, e.g. <c>mlp 3-[8,8]-1 tanh,tanh</c>.</param>
/// <param name="Predicted">The predicted value (or the reference value for derivative checks).</param>
/// <param name="Measured">The measured value.</param>
/// <param name="StdErr">The standard error of <paramref name="Measured"/> (0 for deterministic checks).</param>
/// <param name="Z">The z of the error budget the row was judged under (0 for deterministic checks).</param>
/// <param name="Bias">
/// The stated bound on <c>|measured − predicted|</c> beyond the noise: the higher-order remainder of a prediction, or
/// the rounding bound of an exact quantity.
/// </param>
/// <param name="Pass">Whether <c>|measured − predicted| ≤ tolerance</c>.</param>
/// <param name="Detail">A short human-readable note (units, what the numbers are).</param>
/// <param name="NotAsserted">
/// Null for an asserted row. Otherwise why the row is reported but not asserted (docs/theory.md §5.1):
/// its stated bias bound exceeds what the check can resolve, so its <paramref name="Pass"/> counts neither as a pass
/// nor as a failure.
/// </param>
public sealed record CheckResult(
    string Check,
    string Case,
    double Predicted,
    double Measured,
    double StdErr,
    double Z,
    double Bias,
    bool Pass,
    string Detail = "",
    string? NotAsserted = null)
{
    /// <summary>Whether the row is asserted (counts as a pass or a failure).</summary>
    public bool Asserted => NotAsserted is null;

    /// <summary>Whether the row is an asserted failure: what makes a run fail.</summary>
    public bool Fails => Asserted && !Pass;

    /// <summary>The allowed <c>|measured − predicted|</c>: <c>z · SE + bias</c>.</summary>
    public double Tolerance => VerdictRule.Tolerance(Z, StdErr, Bias);
}
