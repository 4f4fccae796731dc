using System.Globalization;
using System.Text;
using NoiseDrift.Cli.Output;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// <c>report.md</c> and the PNG plots of <c>noisedrift reproduce --out DIR</c> (docs/theory.md §4–§5): per claim, a
/// sentence, the verdict table (<see cref="MarkdownTable"/>), the power checks, the figures reported
/// without a verdict, and the plots with their captions; then each experiment that could not run, with the reason.
/// </summary>
internal static class ReproduceReport
{
    /// <summary>
    /// Writes the report and plots into <paramref name="directory"/> (created if missing), with the matrix-sensing n sweep
    /// from <paramref name="sweep"/> when given (<see cref="MatrixSensingSweepAhead"/>).
    /// </summary>
    public static void Write(string directory, string setting, IReadOnlyList<Reproduction> results, IReadOnlyList<TimeSpan> timings,
        IReadOnlyList<ReproduceFailure> failures, bool quick, ulong seed, Task<IReadOnlyList<MatrixSensingSweepPoint>>? sweep)
    {
        Directory.CreateDirectory(directory);
        var md = new StringBuilder();
        md.AppendLine("# NoiseDrift: the paper's claims, reproduced");
        md.AppendLine();
        md.AppendLine(FormattableString.Invariant($"`noisedrift reproduce {setting}{(quick ? " --quick" : "")} --seed {seed}`.") + " Every verdict passes when " +
            "|measured − predicted| ≤ tolerance, tolerance = z·SE + stated bias (docs/theory.md §5). Power checks judge the same " +
            "measurement against a wrong prediction and must reject it.");
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {r.Setting}: {r.Claim}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{r.Sentence} ({timings[i].TotalSeconds:F1} s)");
            md.AppendLine();
            md.Append(MarkdownTable.Verdicts(r.Verdicts));
            md.AppendLine();
            md.AppendLine("Power checks (each must be rejected):");
            md.AppendLine();
            md.Append(MarkdownTable.Power(r.Power));
            md.AppendLine();
            md.AppendLine("Figures:");
            md.AppendLine();
            foreach (var f in r.Figures) md.AppendLine(CultureInfo.InvariantCulture, $"- {f.Key}: {f.Value}");
            md.AppendLine();
            foreach (var (file, caption) in Plots(directory, r, sweep, seed))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"![{caption}]({file})");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"*{caption}*");
                md.AppendLine();
            }
        }
        foreach (var f in failures)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {f.Experiment}: could not run");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**FAIL**: {f.Reason}");
        }
        File.WriteAllText(Path.Combine(directory, "report.md"), md.ToString());
    }

    private static IEnumerable<(string File, string Caption)> Plots(string directory, Reproduction r,
        Task<IReadOnlyList<MatrixSensingSweepPoint>>? sweep, ulong seed)
    {
        switch (r)
        {
            case MatrixSensingReproduction ms:
                foreach (var plot in MatrixSensingPlots.Write(directory, ms, sweep, seed)) yield return plot;
                break;
            case Relu1DReproduction relu:
                foreach (var (c, i) in relu.Cases.Select((c, i) => (c, i)))
                {
                    yield return ReproducePlots.Relu1DFunction(directory, $"relu1d-function-{c.Set.Name}.png", c);
                    yield return ReproducePlots.RegAgainstSlowTime(directory, $"relu1d-reg-{c.Set.Name}.png", c.Runs, $"relu1d {c.Set.Name}");
                    foreach (var plot in Relu1DPlots.Write(directory, c)) yield return plot;
                }
                break;
            case SparseRegressionReproduction sparse:
                foreach (var plot in SparseRegressionPlots.Write(directory, sparse)) yield return plot;
                break;
            case SigmoidReproduction sig:
                yield return ReproducePlots.SigmoidShares(directory, "sigmoid-shares.png", sig);
                foreach (var (c, i) in sig.Cases.Select((c, i) => (c, i)))
                    yield return ReproducePlots.RegAgainstSlowTime(directory, $"sigmoid-reg-{i + 1}.png", c.Runs, c.Case.Name);
                break;
        }
    }
}
