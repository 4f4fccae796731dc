using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// The union of a sweep's rows, judged under one error budget (docs/theory.md §5, <see cref="UnionBudget"/>): the false
/// alarms of the rows' own verdicts, the failures under the union's z, and the distribution of
/// <c>|measured − predicted|/tolerance</c> per check and overall.
/// </summary>
/// <param name="Seeds">The seeds present, ascending.</param>
/// <param name="Rows">Rows in all.</param>
/// <param name="Failures">Rows whose own verdict failed (false alarms, when the predictions are right).</param>
/// <param name="FailedSeeds">Seeds with at least one failed row.</param>
/// <param name="Budget">The union's budget.</param>
/// <param name="UnionFailures">Rows that fail under the union's tolerance.</param>
/// <param name="Checks">Per check name, in order of first appearance.</param>
/// <param name="RatioQuantiles">Quantiles 0.5, 0.9, 0.99 and 1 of <c>|m − p|/tolerance</c> over rows with a standard error.</param>
public sealed record SweepSummary(IReadOnlyList<ulong> Seeds, int Rows, int Failures, int FailedSeeds, UnionBudget Budget,
    int UnionFailures, IReadOnlyList<CheckFamily> Checks, IReadOnlyList<(double Level, double Ratio)> RatioQuantiles)
{
    /// <summary>The quantile levels of <see cref="RatioQuantiles"/>.</summary>
    public static readonly double[] Levels = [0.5, 0.9, 0.99, 1];

    /// <summary>The union passes when no row fails under its budget.</summary>
    public bool Pass => UnionFailures == 0;

    /// <summary>
    /// Summarises <paramref name="rows"/>; every run was judged under the suite's budget. Rows that are not asserted
    /// (docs/theory.md §5.1) count neither as failures nor in the ratios.
    /// </summary>
    public static SweepSummary Of(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var judged = rows.Where(r => r.Verdict.Asserted).ToList();
        var seeds = rows.Select(r => r.Seed).Distinct().Order().ToList();
        var budget = UnionBudget.Of(Math.Max(1, seeds.Count), SuiteBudget.Budget);
        var checks = judged.GroupBy(r => r.Verdict.Check).Select(g =>
        {
            var worst = g.MaxBy(Ratio)!;
            var ratios = StatisticalRatios(g);
            return new CheckFamily(g.Key, g.Count(), g.Count(r => !r.Verdict.Pass), Ratio(worst), worst.Seed, worst.Verdict.Case,
                Quantile(ratios, 0.5), Quantile(ratios, 0.99));
        }).ToList();
        var statistical = StatisticalRatios(judged);
        var quantiles = statistical.Length == 0 ? [] : Levels.Select(q => (q, Quantile(statistical, q))).ToList();
        return new SweepSummary(seeds, rows.Count, judged.Count(r => !r.Verdict.Pass),
            judged.Where(r => !r.Verdict.Pass).Select(r => r.Seed).Distinct().Count(), budget,
            judged.Count(r => !budget.Passes(r.Verdict)), checks, quantiles);
    }

    /// <summary>The ascending ratios of the rows with a standard error (the rows whose gap is noise).</summary>
    private static double[] StatisticalRatios(IEnumerable<SweepRow> rows) =>
        rows.Where(r => r.Verdict.StdErr > 0).Select(Ratio).Order().ToArray();

    /// <summary>The empirical quantile at <paramref name="level"/>: the ⌈level·N⌉-th smallest; NaN when empty.</summary>
    private static double Quantile(double[] ascending, double level) => ascending.Length == 0
        ? double.NaN
        : ascending[Math.Clamp((int)Math.Ceiling(level * ascending.Length) - 1, 0, ascending.Length - 1)];

    private static double Ratio(SweepRow row) =>
        VerdictRule.Ratio(row.Verdict.Predicted, row.Verdict.Measured, row.Verdict.Tolerance);
}
