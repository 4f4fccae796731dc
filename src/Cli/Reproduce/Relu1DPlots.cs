using System.Globalization;
using System.Text;
using NoiseDrift.Theory.Reproduction;
using NoiseDrift.Theory.Settings;
using NoiseDrift.Theory.Statistics;
using ScottPlot;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The ReLU plots of docs/theory.md §4.2 beyond the function itself: the residual of h against the claim's shape (the
/// line on collinear data, the linear spline on generic data) along x, and reg against log t with the line's least reg.
/// </summary>
internal static class Relu1DPlots
{
    /// <summary>Both plots of one data set.</summary>
    public static IEnumerable<(string File, string Caption)> Write(string directory, Relu1DCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        yield return Residuals(directory, $"relu1d-residual-{result.Set.Name}.png", result);
        yield return RegAgainstLogTime(directory, $"relu1d-reg-log-t-{result.Set.Name}.png", result);
    }

    /// <summary>
    /// <c>h − line</c> (collinear) or <c>h − spline</c> (generic) against x on the hull: at the start, the chains' mean
    /// at the horizon with ±2 SE bands, and the flow at T (or where it stopped); the numbers go to a CSV beside the PNG.
    /// </summary>
    public static (string File, string Caption) Residuals(string directory, string file, Relu1DCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Runs;
        var end = new Relu1DEndState(runs, 0);
        var data = result.Set.Data;
        Func<double, double> shape = result.Set.Slope is double s
            ? x => data.Y[0] + s * (x - data.X[0])
            : new LinearSpline(data.X, data.Y).Value;
        string shapeName = result.Set.Slope is null ? "spline" : "line";
        double[] x = end.Grid;
        double[] Residual(double[] theta) => [.. end.Function(theta).Select((h, g) => h - shape(x[g]))];
        var chains = end.Chains.Select(Residual).ToArray();
        var mean = x.Select((_, g) => chains.Length >= 2 ? MeanEstimate.Of(chains.Select(c => c[g]).ToArray())
            : new MeanEstimate(chains.Length == 1 ? chains[0][g] : double.NaN, double.NaN, chains.Length)).ToArray();
        int last = Array.FindLastIndex(runs.Flow.Thetas, t => t is not null);
        var flow = Residual(runs.Flow.Thetas[last]!);
        var start = Residual(runs.Start.Theta);

        var plot = new Plot();
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        zero.LegendText = $"the {shapeName}";
        Line(plot, x, start, Colors.C1, "start (GD limit)", LinePattern.Solid);
        ReproducePlots.AddMean(plot, x, mean, Colors.C0, $"label noise at t = {runs.Duration:G3}, chains' mean ± 2 SE");
        Line(plot, x, flow, Colors.Black, $"slow flow at t = {runs.Flow.Times[last]:G3}", LinePattern.Dashed);
        var points = plot.Add.Scatter(data.X, [.. data.X.Select(_ => 0.0)], Colors.Red);
        points.LineWidth = 0;
        points.MarkerSize = 8;
        points.LegendText = "data x_i";
        plot.XLabel("x");
        plot.YLabel($"h(x) − {shapeName}(x)");
        plot.Title($"ReLU m = {Relu1DExperiment.Width}, {result.Set.Name} data: residual against the {shapeName}");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(Path.Combine(directory, file), 800, 600);

        var csv = new StringBuilder("x,start,label_noise_mean,label_noise_se,flow\n");
        for (int g = 0; g < x.Length; g++)
            csv.AppendLine(string.Join(',', new[] { x[g], start[g], mean[g].Mean, mean[g].StdErr, flow[g] }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        string csvFile = Path.ChangeExtension(file, ".csv");
        File.WriteAllText(Path.Combine(directory, csvFile), csv.ToString());
        return (file, $"ReLU, {result.Set.Name} data: h − {shapeName} on the hull at the start, for label noise at t = {runs.Duration:G3} " +
            $"(mean over {chains.Length} chains' projected iterates, band ±2 SE) and along the slow flow at t = {runs.Flow.Times[last]:G3}; numbers in {csvFile}.");
    }

    /// <summary>reg against log10 t for label noise (±2 SE) and the flow, with the line's least reg on collinear data.</summary>
    public static (string File, string Caption) RegAgainstLogTime(string directory, string file, Relu1DCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Runs;
        var plot = new Plot();
        int[] tracked = [.. Enumerable.Range(1, runs.Steps.Length - 1)];
        double[] logT = [.. tracked.Select(j => Math.Log10(runs.Times[j]))];
        ReproducePlots.AddMean(plot, logT, [.. tracked.Select(j => runs.LabelNoise.Values["reg"][j])], Colors.C0, "label-noise SGD, reg(Proj_M θ_k) ± 2 SE");
        var flow = runs.FlowValues("reg");
        Line(plot, logT, [.. tracked.Select(j => flow[j])], Colors.Black, "slow flow", LinePattern.Dashed);
        (double, string)? reference = result.Set.Slope is double slope
            ? (Relu1DLineCost.LeastOffData(Relu1DData.X, slope).Reg, "the line's least reg")
            : null;
        ReproducePlots.AddReference(plot, reference);
        plot.XLabel("log10(slow time t)");
        plot.YLabel("reg");
        plot.Title($"ReLU m = {Relu1DExperiment.Width}, {result.Set.Name} data: reg against log t");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(Path.Combine(directory, file), 800, 480);
        string csv = TraceCsv.Write(directory, file, runs, ["reg", "interior_kinks", "data_point_kinks"]);
        return (file, $"ReLU, {result.Set.Name} data: reg of the projected label-noise iterate (band ±2 SE) and along the slow flow against log10 t" +
            (reference is { } r ? $", with {r.Item2} {r.Item1:G5} (dotted)" : "") +
            (runs.Flow.Stopped.Length == 0 ? "" : $"; the flow's line ends where it stopped ({runs.Flow.Stopped})") + $"; traces (with the kinks of h inside the hull and those on a data point) in {csv}.");
    }

    private static void Line(Plot plot, double[] x, double[] y, Color color, string text, LinePattern pattern)
    {
        var line = plot.Add.Scatter(x, y, color);
        line.LegendText = text;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
        line.LineWidth = 2;
    }
}
