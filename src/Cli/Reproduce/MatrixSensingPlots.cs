using System.Globalization;
using System.Text;
using NoiseDrift.Theory.Reproduction;
using ScottPlot;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The matrix-sensing plots of <c>noisedrift reproduce --out</c> (docs/theory.md §4.1): test error, trace and reg with
/// their predicted limits as reference lines, and (full runs only) the n sweep, each with its CSV.
/// </summary>
internal static class MatrixSensingPlots
{
    /// <summary>Writes the plots and returns (file, caption) for each; the n sweep's when <paramref name="sweep"/> is given.</summary>
    public static IEnumerable<(string File, string Caption)> Write(string directory, MatrixSensingReproduction ms,
        Task<IReadOnlyList<MatrixSensingSweepPoint>>? sweep, ulong seed)
    {
        string limit = ms.Certificate.Certified ? "0 (X* certified)" : $"{ms.RecoveryTarget:G3} (the flow's limit; X* not certified)";
        yield return ReproducePlots.AgainstSteps(directory, "matrix-sensing-test-error.png", ms.Runs, "test_error", "test error |UU^T − X*|_F / |X*|_F",
            (ms.RecoveryTarget, $"the predicted limit {limit}"));
        yield return ReproducePlots.AgainstSteps(directory, "matrix-sensing-trace.png", ms.Runs, "trace", "tr(UU^T)", (1, "tr X* = 1"));
        yield return ReproducePlots.RegAgainstSlowTime(directory, "matrix-sensing-reg.png", ms.Runs, ms.Setting,
            ms.Certificate.Certified ? (ms.TruthReg, "reg(X*) = 4⟨M, X*⟩") : null);
        if (sweep is not null) yield return Sweep(directory, "matrix-sensing-n-sweep.png", sweep.GetAwaiter().GetResult(), seed);
    }

    /// <summary>Final test error against n for label noise (±2 SE) and plain GD, the certificate's verdict per n.</summary>
    public static (string File, string Caption) Sweep(string directory, string file, IReadOnlyList<MatrixSensingSweepPoint> all, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(all);
        var points = all.Where(p => p.Ran).ToList();
        var plot = new Plot();
        double[] n = [.. points.Select(p => (double)p.Size)];
        var band = plot.Add.FillY(n, [.. points.Select(p => p.LabelNoise.Mean - 2 * p.LabelNoise.StdErr)], [.. points.Select(p => p.LabelNoise.Mean + 2 * p.LabelNoise.StdErr)]);
        band.FillColor = Colors.C0.WithAlpha(0.25);
        band.LineColor = Colors.Transparent;
        var ln = plot.Add.Scatter(n, [.. points.Select(p => p.LabelNoise.Mean)], Colors.C0);
        ln.LegendText = "label-noise SGD at the horizon";
        var gd = plot.Add.Scatter(all.Select(p => (double)p.Size).ToArray(), all.Select(p => p.PlainGd).ToArray(), Colors.C1);
        gd.LegendText = "plain GD (σ = 0), at its start or where it ended";
        var flow = plot.Add.Scatter(n, [.. points.Select(p => p.Flow)], Colors.Black);
        flow.LegendText = "slow flow at the horizon";
        flow.LinePattern = LinePattern.Dashed;
        flow.MarkerSize = 0;
        var certified = all.Where(p => p.Certificate.Certified).ToList();
        var yes = plot.Add.Scatter(certified.Select(p => (double)p.Size).ToArray(), certified.Select(_ => -0.05).ToArray(), Colors.Green);
        yes.LineWidth = 0;
        yes.MarkerSize = 10;
        yes.MarkerShape = MarkerShape.FilledSquare;
        yes.LegendText = "X* certified (dual certificate, W = M)";
        var notCertified = all.Where(p => !p.Certificate.Certified).ToList();
        var no = plot.Add.Scatter(notCertified.Select(p => (double)p.Size).ToArray(), notCertified.Select(_ => -0.05).ToArray(), Colors.Red);
        no.LineWidth = 0;
        no.MarkerSize = 10;
        no.MarkerShape = MarkerShape.Eks;
        no.LegendText = "X* not certified";
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        plot.XLabel("measurements n (d = 8, rank 1)");
        plot.YLabel("test error |UU^T − X*|_F / |X*|_F");
        plot.Title($"Matrix sensing, seed {seed}: the recovery transition");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(Path.Combine(directory, file), 800, 480);
        var csv = new StringBuilder("n,certified,mu,ran,label_noise_mean,label_noise_se,plain_gd,flow\n");
        foreach (var p in all)
        {
            csv.AppendLine(p.Ran
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{p.Size},{(p.Certificate.Certified ? 1 : 0)},{p.Certificate.ComplementMinimum:R},1,{p.LabelNoise.Mean:R},{p.LabelNoise.StdErr:R},{p.PlainGd:R},{p.Flow:R}")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Size},{(p.Certificate.Certified ? 1 : 0)},{p.Certificate.ComplementMinimum:R},0,,,{p.PlainGd:R},"));
        }
        var skipped = all.Where(p => !p.Ran).ToList();
        string notRun = skipped.Count == 0 ? "" : $" Label noise not run (no regular start on M: plain GD's limit is rank-deficient; its error is where its descent ended): n = {string.Join(", ", skipped.Select(p => p.Size))}.";
        string csvFile = Path.ChangeExtension(file, ".csv");
        File.WriteAllText(Path.Combine(directory, csvFile), csv.ToString());
        return (file, $"Matrix sensing, seed {seed}, n = {all[0].Size}…{all[^1].Size} at d = 8: test error at the horizon of label-noise SGD (±2 SE), " +
            $"plain GD and the slow flow against n; markers below 0: the dual certificate's verdict per n (green square certified, red × not); traces in {csvFile}.{notRun}");
    }
}
