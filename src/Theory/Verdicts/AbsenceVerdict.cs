using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// Turns "this measurement must NOT show the predicted effect" into a verdict (THEORY.md §3 "Controls", §5 power):
/// it passes when the ordinary verdict against the prediction fails, i.e. the effect is rejected at the suite's z.
/// </summary>
public static class AbsenceVerdict
{
    /// <summary>The inverted verdict of <paramref name="verdict"/>, renamed to <paramref name="check"/>.</summary>
    public static CheckResult Of(string check, CheckResult verdict, string what)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict with
        {
            Check = check,
            Pass = !verdict.Pass,
            Detail = $"passes when {what} is rejected (|measured − predicted| > tolerance); {verdict.Detail}",
        };
    }
}
