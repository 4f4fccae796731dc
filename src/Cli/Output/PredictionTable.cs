using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The human-readable output of <c>noisedrift predict</c>: one row per prediction of docs/theory.md §1–§3, vectors abridged
/// with their norms.
/// </summary>
internal static class PredictionTable
{
    public static void Write(IAnsiConsole console, SpecCase specCase, PredictionSummary s, SettingReport? setting = null)
    {
        var c = specCase.Case;
        console.MarkupLine(Markup.Escape($"{c.Name}, p={c.Model.ParameterCount}, n={c.Count}, θ* {Source(specCase.Source)}; " +
            $"η={NumberFormat.Short(c.Sgd.Eta)}, σ={NumberFormat.Short(c.Sgd.Sigma)}, B={c.Sgd.Batch}"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("quantity");
        table.AddColumn("value");
        table.AddColumn(new TableColumn("norm").RightAligned());
        void Vector(string name, double[] v) => table.AddRow(Markup.Escape(name), Markup.Escape(VectorText.Abridged(v)), VectorText.Norm(v));
        void Scalar(string name, double value, string note = "") =>
            table.AddRow(Markup.Escape(name), Markup.Escape(NumberFormat.Short(value) + note), "");
        Vector("theta", c.Theta);
        Scalar("reg", s.Reg);
        Vector("grad_reg", s.GradReg);
        Vector("p_grad_reg", s.PGradReg);
        Vector("drift_leading (per step)", s.DriftLeading);
        Vector("drift_exact (per step)", s.DriftExact);
        Vector("ou_cov (eigenvalues)", s.OuCovariance.Eigenvalues);
        Scalar("ou_cov_leading", s.OuCovarianceLeading, "  (ησ²/2B)");
        Scalar("reg_change_leading", s.RegChangeLeading, "  (per step)");
        Scalar("reg_change_exact", s.RegChangeExact, "  (per step)");
        Scalar("eta_limit", s.StepSizeLimit, $"  (2/λ_max; η λ_max = {NumberFormat.Short(2 * c.Sgd.Eta / s.StepSizeLimit)})");
        table.AddRow("stability", Markup.Escape($"{s.Stability.Kind} (||P∇reg||/||∇reg|| = {NumberFormat.Short(s.Stability.Margin)})"), "");
        console.Write(table);
        if (setting is not null) SettingTable.Write(console, setting, s, c.Sgd);
    }

    /// <summary>How θ* was obtained, in words.</summary>
    public static string Source(ThetaSource source) => source switch
    {
        ThetaSource.Spec => "from the spec",
        ThetaSource.Projected => "projected onto M from the spec's theta",
        _ => "found from sgd.seed",
    };
}
