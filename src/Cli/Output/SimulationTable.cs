using System.Globalization;
using System.Numerics.Tensors;
using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Theory.Statistics;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The human-readable output of <c>noisedrift simulate</c>: predicted (exact and leading order) against measured, with
/// the standard error and <c>z = (measured − exact)/stderr</c>, for the drift along the predicted direction, the OU
/// trace and the reg change per step (docs/theory.md §2–§3); then the reg trace.
/// </summary>
internal static class SimulationTable
{
    public static void Write(IAnsiConsole console, SpecCase specCase, SimulationResult r)
    {
        var c = specCase.Case;
        var s = r.Predicted;
        console.MarkupLine(Markup.Escape($"{c.Name}, p={c.Model.ParameterCount}, n={c.Count}, θ* {PredictionTable.Source(specCase.Source)}; " +
            $"{2 * r.Plan.Pairs} chains ({r.Plan.Pairs} antithetic pairs) × {r.Plan.Steps} steps from the stationary start"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("quantity");
        foreach (string numeric in new[] { "predicted", "leading order", "measured", "stderr", "z" })
            table.AddColumn(new TableColumn(numeric).RightAligned());
        var unit = Simulation.UnitDirection(s.DriftExact);
        double along = TensorPrimitives.Norm(s.DriftExact);
        double leadingAlong = TensorPrimitives.Dot(s.DriftLeading, unit);
        Row(table, "drift along d_exact (per step)", along, leadingAlong, r.DriftAlongPredicted);
        Row(table, "OU trace tr S", s.OuCovariance.Trace, c.Count * s.OuCovarianceLeading, r.OuTrace);
        Row(table, "reg change (per step)", s.RegChangeExact, s.RegChangeLeading, r.RegChange.Rate);
        console.Write(table);
        var trace = new Table().Border(TableBorder.Simple);
        trace.AddColumn(new TableColumn("step").RightAligned());
        trace.AddColumn(new TableColumn("reg(Proj_M θ), chain mean").RightAligned());
        trace.AddColumn(new TableColumn("change from step 0").RightAligned());
        foreach (var sample in r.RegTrace)
            trace.AddRow(sample.Step.ToString(CultureInfo.InvariantCulture), NumberFormat.Short(sample.Reg),
                NumberFormat.Short(sample.Reg - r.RegTrace[0].Reg));
        console.Write(trace);
        console.MarkupLine(Markup.Escape("OU eigenvalues predicted " + VectorText.Abridged(s.OuCovariance.Eigenvalues) +
            ", measured " + VectorText.Abridged(r.OuEigenvalues)));
        console.MarkupLine(Markup.Escape("The verdicts: the same run judged with the stated error budget (the moving mean and its offset " +
            "carried, docs/theory.md §3.9–§3.10); the z above is against the θ*-fixed prediction and is not a verdict."));
        ResultTable.Write(console, r.Verdicts);
    }

    private static void Row(Table table, string name, double predicted, double leading, MeanEstimate measured)
    {
        double z = (measured.Mean - predicted) / measured.StdErr;
        table.AddRow(Markup.Escape(name), NumberFormat.Short(predicted), NumberFormat.Short(leading),
            NumberFormat.Short(measured.Mean), NumberFormat.Short(measured.StdErr),
            double.IsFinite(z) ? z.ToString("F2", CultureInfo.InvariantCulture) : "-");
    }
}
