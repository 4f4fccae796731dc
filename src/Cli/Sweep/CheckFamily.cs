namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// What a sweep reports per check name (docs/theory.md §5): rows, failures, and the worst <c>|m − p|/tolerance</c> with
/// the seed and case where it occurred; a worst ratio close to 1 means the tolerance is tight, far below 1 that it is
/// conservative (and costs power).
/// </summary>
/// <param name="Check">The check name, e.g. <c>ou_trace</c>.</param>
/// <param name="Rows">Rows of this check over all seeds.</param>
/// <param name="Failures">Rows whose own verdict failed.</param>
/// <param name="WorstRatio">The largest <c>|measured − predicted|/tolerance</c>.</param>
/// <param name="WorstSeed">The seed of that row.</param>
/// <param name="WorstCase">The case of that row.</param>
/// <param name="MedianRatio">The median <c>|m − p|/tolerance</c> over this check's rows with a standard error (NaN if none).</param>
/// <param name="Q99Ratio">Its 0.99 quantile over the same rows (NaN if none).</param>
public sealed record CheckFamily(string Check, int Rows, int Failures, double WorstRatio, ulong WorstSeed, string WorstCase,
    double MedianRatio, double Q99Ratio)
{
    /// <summary>The fraction of rows whose own verdict passed (per claim, over the seeds of a reproduce sweep).</summary>
    public double PassRate => Rows == 0 ? 0 : (Rows - Failures) / (double)Rows;
}
