namespace NoiseDrift.Theory.Checks;

/// <summary>
/// The verdict of one check (THEORY.md §5): a prediction, a measurement with its standard error, and the tolerance
/// <c>z · SE + bias bound</c> it was judged against. This is also the JSON line of <c>noisedrift check --json</c>.
/// </summary>
/// <param name="Check">What is checked, e.g. <c>gradient</c>, <c>ou_covariance</c>, <c>drift_dynamic</c>.</param>
/// <param name="Case">The case it ran on, e.g. <c>mlp 3-[8,8]-1 tanh,tanh</c>.</param>
/// <param name="Predicted">The predicted value (or the reference value for derivative checks).</param>
/// <param name="Measured">The measured value.</param>
/// <param name="StdErr">The standard error of <paramref name="Measured"/> (0 for deterministic checks).</param>
/// <param name="Tolerance">The allowed <c>|measured − predicted|</c>: <c>z · SE + bias bound</c>.</param>
/// <param name="Pass">Whether <c>|measured − predicted| ≤ tolerance</c>.</param>
/// <param name="Detail">A short human-readable note (units, what the numbers are).</param>
public sealed record CheckResult(
    string Check,
    string Case,
    double Predicted,
    double Measured,
    double StdErr,
    double Tolerance,
    bool Pass,
    string Detail = "");
