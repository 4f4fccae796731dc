using System.CommandLine;
using NoiseDrift.Cli.Experiment;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift predict --spec FILE [--json]</c> (DESIGN.md "CLI contract"): every prediction of THEORY.md §1–§3 at
/// the spec's θ* — <c>reg</c>, <c>∇reg</c>, <c>P∇reg</c>, the per-step drift (leading order and exact), the OU
/// covariance eigenvalues and the step-size limit 2/λ_max. η beyond the limit exits 2 naming it. On the paper's
/// settings (THEORY.md §4) it adds the symbolic route's <c>closed_form</c> and the setting's own quantities.
/// </summary>
public static class PredictCommand
{
    public static Command Create(CliConsoles consoles) =>
        SpecCommand.Create("predict", "Print the theory's predictions at the spec's point of the zero-loss manifold.",
            (path, json) => Execute(path, json, consoles));

    public static int Execute(string path, bool json, CliConsoles consoles)
    {
        var spec = SpecReader.Load(path);
        var (specCase, summary) = Predict(spec, consoles.Error);
        var c = specCase.Case;
        var setting = SpecPath.Within(SpecPath.Sgd, () => SettingReport.Of(c.Model, c.Theta, c.Data, c.Sgd, spec.GroundTruth));
        if (json) consoles.Out.WriteLine(PredictionJson.Object(specCase, summary, setting));
        else PredictionTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), specCase, summary, setting);
        consoles.Out.Flush();
        return ExitCode.Pass;
    }

    /// <summary>θ* of the spec (notes on <paramref name="notes"/>) and every prediction there.</summary>
    public static (SpecCase Case, PredictionSummary Summary) Predict(Spec.Spec spec, TextWriter notes)
    {
        var specCase = SpecCase.Resolve(spec, notes);
        var c = specCase.Case;
        return (specCase, SpecPath.Within(SpecPath.Sgd, () => PredictionSummary.At(c.Model, c.Theta, c.Data, c.Sgd)));
    }
}
