using System.CommandLine;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Engine.Json;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift predict --spec FILE [--json]</c> (docs/design.md "CLI contract"): every prediction of docs/theory.md §1–§3 at
/// the spec's θ* — <c>reg</c>, <c>∇reg</c>, <c>P∇reg</c>, the per-step drift (leading order and exact), the OU
/// covariance eigenvalues and the step-size limit 2/λ_max. η beyond the limit exits 2 naming it. On the paper's
/// settings (docs/theory.md §4) it adds the symbolic route's <c>closed_form</c> and the setting's own quantities.
/// </summary>
public static class PredictCommand
{
    public static Command Create(CliConsoles consoles) =>
        SpecCommand.Create("predict", "Print the theory's predictions at the spec's point of the zero-loss manifold.",
            (path, json) => Execute(path, json, consoles));

    public static int Execute(string path, bool json, CliConsoles consoles)
    {
        var accepted = AcceptedSpec.Load(path);
        consoles.Error.Write(accepted.Notes);
        if (json) JsonLine.Write(consoles.Out, PredictionJson.Object(accepted.Case, accepted.Summary, accepted.Setting));
        else PredictionTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), accepted.Case, accepted.Summary, accepted.Setting);
        consoles.Out.Flush();
        return ExitCode.Pass;
    }
}
