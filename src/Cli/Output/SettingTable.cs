using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;
using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The setting part of <c>noisedrift predict</c>'s table on the paper's settings (docs/theory.md §4): the symbolic route's
/// five fields beside the general route's, their agreement, and the setting's own quantities with their meaning.
/// </summary>
internal static class SettingTable
{
    public static void Write(IAnsiConsole console, SettingReport report, PredictionSummary general, SgdProblem sgd)
    {
        var c = report.ClosedForm;
        console.MarkupLine(Markup.Escape($"closed form ({report.Kind}, docs/theory.md §4): agrees with the general route to " +
            $"{NumberFormat.Short(RouteAgreement.Worst(c, general, sgd))} relative"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("quantity");
        table.AddColumn("value");
        table.AddColumn(new TableColumn("norm").RightAligned());
        table.AddColumn("meaning");
        void Vector(string name, double[] v, string meaning) =>
            table.AddRow(Markup.Escape(name), Markup.Escape(VectorText.Abridged(v)), VectorText.Norm(v), Markup.Escape(meaning));
        table.AddRow("closed_form.reg", Markup.Escape(NumberFormat.Short(c.Reg)), "", "symbolic reg");
        Vector("closed_form.grad_reg", c.GradReg, "symbolic ∇reg");
        Vector("closed_form.p_grad_reg", c.PGradReg, "P from the closed-form g_i");
        Vector("closed_form.drift_leading", c.DriftLeading, "−(η²σ²/4B) P∇reg");
        Vector("closed_form.drift_exact", c.DriftExact, "closed-form H_i, exact S");
        foreach (var q in report.Quantities)
        {
            if (q.IsVector) Vector(q.Name, q.Values, q.Meaning);
            else table.AddRow(Markup.Escape(q.Name), Markup.Escape(NumberFormat.Short(q.Values[0])), "", Markup.Escape(q.Meaning));
        }
        console.Write(table);
    }
}
