using NoiseDrift.Theory.Reproduction;
using ScottPlot;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The PNG plots of <c>noisedrift reproduce --out</c> (docs/theory.md §4), drawn with ScottPlot: observables against steps
/// per run kind with ±2 SE bands, reg against slow time for SGD and the flow, and the sigmoid shares predicted beside
/// measured. Each method returns the file name it wrote and its caption.
/// </summary>
internal static class ReproducePlots
{
    private const int Width = 800, Height = 480;

    private static readonly Color LabelNoiseColor = Colors.C0, GdColor = Colors.C1, IsotropicColor = Colors.C2, FlowColor = Colors.Black;

    /// <summary>
    /// An observable against log10(k) for label noise (band ±2 SE), plain GD, isotropic noise and the flow, with an
    /// optional reference line for a predicted limit; the traces go to a CSV beside the PNG (<see cref="TraceCsv"/>).
    /// </summary>
    public static (string File, string Caption) AgainstSteps(string directory, string file, RunSet runs, string name, string label,
        (double Value, string Label)? reference = null)
    {
        var plot = new Plot();
        int[] tracked = [.. Enumerable.Range(1, runs.Steps.Length - 1)];
        double[] x = [.. tracked.Select(j => Math.Log10(runs.Steps[j]))];
        foreach (var (kind, color, text) in new[] { (RunKind.LabelNoise, LabelNoiseColor, "label-noise SGD"), (RunKind.PlainGd, GdColor, "plain GD (σ = 0)"), (RunKind.IsotropicNoise, IsotropicColor, "isotropic noise") }.Where(k => runs.Runs.ContainsKey(k.Item1)))
            AddMean(plot, x, [.. tracked.Select(j => runs.Runs[kind].Values[name][j])], color, text);
        var flow = runs.FlowValues(name);
        var line = plot.Add.Scatter(x, [.. tracked.Select(j => flow[j])], FlowColor);
        line.LegendText = "slow flow at t = η²σ²k/B";
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        AddReference(plot, reference);
        plot.XLabel("log10(step k)");
        plot.YLabel(label);
        plot.Title($"{label} of Proj_M(θ_k), mean ± 2 SE over chains");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        string csv = TraceCsv.Write(directory, file, runs, [name]);
        return (file, $"{label} of the projected iterate against log10(step), per run kind (bands ±2 SE over chains), with the slow flow" +
            (reference is { } r ? $" and {r.Label} (dotted)" : "") + $"; traces in {csv}.");
    }

    /// <summary>reg against slow time t for label-noise SGD (band ±2 SE) and the flow, with an optional predicted limit; traces in a CSV beside the PNG.</summary>
    public static (string File, string Caption) RegAgainstSlowTime(string directory, string file, RunSet runs, string setting,
        (double Value, string Label)? reference = null)
    {
        var plot = new Plot();
        double[] t = runs.Times;
        AddMean(plot, t, runs.LabelNoise.Values["reg"], LabelNoiseColor, "label-noise SGD, reg(Proj_M θ_k)");
        var line = plot.Add.Scatter(t, runs.FlowValues("reg"), FlowColor);
        line.LegendText = "slow flow dθ/dt = −¼ P∇reg";
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        AddReference(plot, reference);
        plot.XLabel("slow time t = η²σ²k/B");
        plot.YLabel("reg");
        plot.Title($"{setting}: reg, SGD vs slow flow");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        string csv = TraceCsv.Write(directory, file, runs, ["reg"]);
        return (file, $"{setting}: reg of the projected label-noise iterate (band ±2 SE) and along the slow flow, against slow time t" +
            (reference is { } r ? $", with the predicted limit {r.Label} (dotted)" : "") + $"; traces in {csv}.");
    }

    /// <summary>The sorted sigmoid shares per case: start, the slow flow's limit and measured at the horizon, as bars.</summary>
    public static (string File, string Caption) SigmoidShares(string directory, string file, SigmoidReproduction result)
    {
        var plot = new Plot();
        double position = 0;
        var ticks = new List<Tick>();
        var series = new[] { ("start", Colors.Gray), ("slow flow's limit", FlowColor), ("measured, label noise", LabelNoiseColor) };
        var legend = new HashSet<string>();
        foreach (var c in result.Cases)
        {
            var values = new[] { c.StartShares, c.Limit.Limit, c.MeasuredShares };
            for (int j = 0; j < c.Case.Width; j++)
            {
                for (int s = 0; s < series.Length; s++)
                {
                    var bar = plot.Add.Bar(position + s * 0.28, values[s][j]);
                    bar.Color = series[s].Item2;
                    bar.Bars[0].Size = 0.26;
                    if (legend.Add(series[s].Item1)) bar.LegendText = series[s].Item1;
                }
                position += 1;
            }
            ticks.Add(new Tick(position - c.Case.Width / 2.0 - 0.5, c.Case.Name.Replace(") ", ")\n", StringComparison.Ordinal).Replace(", ", ",\n", StringComparison.Ordinal)));
            position += 1;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.YLabel("share v_j = a_j s(w_j·x + b_j), sorted");
        plot.Title("Sigmoid on one point: shares at the start, the slow flow's limit and measured");
        plot.ShowLegend(Alignment.UpperCenter);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.SavePng(Path.Combine(directory, file), 1200, Height);
        return (file, "Sigmoid shares per case, sorted ascending: at the start (grey), the limit of the slow flow from the start (black: integrated until Newton from two successive doublings reaches the same local minimum of reg on M) and the label-noise chains' mean at the horizon (blue).");
    }

    /// <summary>h on a grid over [−1.2, 1.2]: at the GD start, after label noise (chain 0, projected), at the end of the flow; with the data and the linear spline.</summary>
    public static (string File, string Caption) Relu1DFunction(string directory, string file, Relu1DCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var data = result.Set.Data;
        double[] grid = [.. Enumerable.Range(0, 241).Select(i => -1.2 + 0.01 * i)];
        var spline = new NoiseDrift.Theory.Settings.LinearSpline(data.X, data.Y);
        var splineLine = plot.Add.Scatter(grid, [.. grid.Select(spline.Value)], Colors.Gray);
        splineLine.LegendText = "linear spline of the data";
        splineLine.LinePattern = LinePattern.Dotted;
        splineLine.MarkerSize = 0;
        var runs = result.Runs;
        var curves = new (double[]? Theta, Color Color, string Text)[]
        {
            (runs.Start.Theta, GdColor, "h at the GD start"),
            (runs.LabelNoise.Projected[^1].FirstOrDefault(t => t is not null), LabelNoiseColor, $"h after {runs.Plan.Run.Steps:N0} label-noise steps (chain 0, projected)"),
            (runs.Flow.Thetas.LastOrDefault(t => t is not null), FlowColor,
                $"h at the end of the slow flow (t = {runs.Flow.Times[Array.FindLastIndex(runs.Flow.Thetas, t => t is not null)]:G3})"),
        };
        foreach (var (theta, color, text) in curves)
        {
            if (theta is null) continue;
            var setting = new NoiseDrift.Theory.Settings.Relu1DSetting(Relu1DExperiment.Width, theta, data);
            var line = plot.Add.Scatter(grid, [.. grid.Select(x => NoiseDrift.Theory.Reproduction.Relu1DFunction.Value(setting, x))], color);
            line.LegendText = text;
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }
        var points = plot.Add.Scatter(data.X, data.Y, Colors.Red);
        points.LineWidth = 0;
        points.MarkerSize = 9;
        points.LegendText = "data";
        plot.XLabel("x");
        plot.YLabel("h(x)");
        plot.Title($"ReLU m = {Relu1DExperiment.Width}, {result.Set.Name} data: the function before and after");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(Path.Combine(directory, file), Width, 600);
        return (file, $"ReLU, {result.Set.Name} data: h at the GD start, after label noise and at the end of the slow flow (where it stopped, if J lost rank), with the data points and their linear spline.");
    }

    internal static void AddReference(Plot plot, (double Value, string Label)? reference)
    {
        if (reference is not { } r || !double.IsFinite(r.Value)) return;
        var line = plot.Add.HorizontalLine(r.Value, 1.5f, Colors.Red, LinePattern.Dotted);
        line.LegendText = r.Label;
    }

    internal static void AddMean(Plot plot, double[] x, IReadOnlyList<NoiseDrift.Theory.Statistics.MeanEstimate> values, Color color, string text)
    {
        double[] mean = [.. values.Select(v => v.Mean)];
        double[] se = [.. values.Select(v => double.IsFinite(v.StdErr) ? v.StdErr : 0)];
        var band = plot.Add.FillY(x, [.. mean.Select((m, i) => m - 2 * se[i])], [.. mean.Select((m, i) => m + 2 * se[i])]);
        band.FillColor = color.WithAlpha(0.25);
        band.LineColor = Colors.Transparent;
        var line = plot.Add.Scatter(x, mean, color);
        line.LegendText = text;
        line.MarkerSize = 3;
    }
}
