using System.Globalization;
using System.Text;
using NoiseDrift.Theory.Reproduction;
using ScottPlot;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The plots and traces of <c>noisedrift reproduce sparse-regression --out</c> (docs/theory.md §7): the test error of
/// every dynamics against steps with the OU floor, the final β against β*, and the traces as CSV.
/// </summary>
internal static class SparseRegressionPlots
{
    private static readonly Color[] Palette = [Colors.C0, Colors.C1, Colors.C2, Colors.C3];

    /// <summary>Writes the two plots and the CSV; returns the plots with captions.</summary>
    public static IEnumerable<(string File, string Caption)> Write(string directory, SparseRegressionReproduction r)
    {
        ArgumentNullException.ThrowIfNull(r);
        WriteTraces(Path.Combine(directory, "sparse-regression-traces.csv"), r);
        yield return TestError(directory, "sparse-regression-test-error.png", r);
        yield return FinalBeta(directory, "sparse-regression-beta.png", r);
        yield return SampleComplexity(directory, "sparse-regression-sample-complexity.png", r);
    }

    private static (string, string) SampleComplexity(string directory, string file, SparseRegressionReproduction r)
    {
        var plot = new Plot();
        double[] n = [.. r.Sweep.Select(p => (double)p.Samples)];
        var noisy = plot.Add.Scatter(n, [.. r.Sweep.Select(p => Math.Log10(p.LabelNoise))], Palette[0]);
        noisy.LegendText = $"label noise (HaoChen's schedule, mean of {SampleComplexitySweep.Chains} chains)";
        var gd = plot.Add.Scatter(n, [.. r.Sweep.Select(p => Math.Log10(p.Gd))], Palette[1]);
        gd.LegendText = "GD from θ₀ = 1";
        gd.LinePattern = LinePattern.Dashed;
        gd.MarkerShape = MarkerShape.OpenSquare;
        int d = r.Problem.Truth.Length, s = r.Problem.Support.Length;
        var sparse = plot.Add.VerticalLine(s * Math.Log(d), 1, Colors.Gray, LinePattern.Dotted);
        sparse.LegendText = $"κ ln d = {s * Math.Log(d):F0}";
        var dense = plot.Add.VerticalLine(d, 1, Colors.Black, LinePattern.Dotted);
        dense.LegendText = $"d = {d}";
        plot.XLabel("n (samples)");
        plot.YLabel("log10 final ‖β − β*‖²");
        plot.Title($"Sample complexity, d = {d}, {s}-sparse β*: label noise against GD");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(Path.Combine(directory, file), 800, 480);
        return (file, "log10 of the final test error against n (a fresh problem per n): label noise reaches its OU floor from a few times κ ln d samples; GD from θ₀ = 1 stays tens away until n is a sizeable fraction of d, and below label noise's floor only where the interpolant is unique (n > d).");
    }

    private static (string, string) TestError(string directory, string file, SparseRegressionReproduction r)
    {
        var plot = new Plot();
        // GD (trace 1) ends where Gaussian σ = 0.01 does: it is drawn last, dashed and wider, so that neither hides the other.
        foreach (int k in Enumerable.Range(0, r.Traces.Count).OrderBy(k => k == 1))
        {
            var t = r.Traces[k];
            double[] x = [.. t.Steps.Skip(1).Select(s => (double)s)];
            double[] y = [.. t.Errors.Skip(1).Select(row => Math.Log10(row.Average()))];
            var line = plot.Add.Scatter(x, y, Palette[k]);
            line.LegendText = $"{t.Dynamics.Name} (mean of {t.Errors[0].Length} chain{(t.Errors[0].Length == 1 ? "" : "s")})";
            line.MarkerSize = 4;
            if (k == 1)
            {
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 3;
                line.MarkerShape = MarkerShape.OpenSquare;
                line.MarkerSize = 7;
            }
        }
        var floor = plot.Add.HorizontalLine(Math.Log10(r.Floor), 1, Colors.Black, LinePattern.Dashed);
        floor.LegendText = "predicted OU floor of label noise on the support, last phase";
        plot.XLabel("step k (γ ÷ 10 at 1e5 and 2e5)");
        plot.YLabel("log10 ‖β − β*‖²");
        plot.Title("Quadratic model, d = 100, n = 40, 5-sparse β*: test error");
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(Path.Combine(directory, file), 800, 480);
        return (file, "log10 of the test error ‖β − β*‖² against the step for label noise, GD (dashed, open squares: it nearly coincides with Gaussian σ = 0.01) and Gaussian gradient noise (means over chains), with the predicted OU floor of label noise's support error in the last phase (black dashes; the off-support remainder comes on top).");
    }

    private static (string, string) FinalBeta(string directory, string file, SparseRegressionReproduction r)
    {
        var plot = new Plot();
        double[] index = [.. Enumerable.Range(0, r.Problem.Truth.Length).Select(j => (double)j)];
        var truth = plot.Add.Scatter(index, r.Problem.Truth, Colors.Black);
        truth.LineWidth = 0;
        truth.MarkerSize = 11;
        truth.MarkerShape = MarkerShape.OpenCircle;
        truth.LegendText = "β*";
        for (int k = 0; k < 2; k++)
        {
            var points = plot.Add.Scatter(index, r.Traces[k].FinalBeta[0], Palette[k]);
            points.LineWidth = 0;
            points.MarkerSize = 5;
            points.LegendText = $"{r.Traces[k].Dynamics.Name}, chain 0, at the horizon";
        }
        plot.XLabel("coordinate j");
        plot.YLabel("β_j");
        plot.Title("β at the horizon: label noise against GD");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(Path.Combine(directory, file), 800, 480);
        return (file, "β_j per coordinate at the horizon: β* (open circles), label noise (chain 0) and GD. Label noise sits on β*; GD spreads β over many coordinates.");
    }

    private static void WriteTraces(string path, SparseRegressionReproduction r)
    {
        var csv = new StringBuilder("dynamics,chain,step,test_error\n");
        foreach (var t in r.Traces)
        {
            for (int s = 0; s < t.Steps.Length; s++)
            {
                for (int c = 0; c < t.Errors[s].Length; c++)
                    csv.AppendLine(CultureInfo.InvariantCulture, $"{t.Dynamics.Name},{c},{t.Steps[s]},{t.Errors[s][c]:R}");
            }
        }
        File.WriteAllText(path, csv.ToString());
    }
}
