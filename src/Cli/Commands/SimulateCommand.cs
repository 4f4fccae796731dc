using System.CommandLine;
using NoiseDrift.Cli.Output;
using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Engine.Json;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift simulate --spec FILE [--json]</c> (docs/design.md "CLI contract"): runs <c>sgd.chains</c> label-noise SGD
/// chains (antithetic pairs, so an even number) for <c>sgd.steps</c> steps from the stationary start around θ*, and
/// prints the measured drift, OU covariance and reg trace beside their predictions (docs/theory.md §2–§3), then the run's
/// verdict rows (<see cref="Theory.Verdicts.StationaryRunVerdicts"/>); exits 1 when one fails. The progress bar
/// goes to stderr, and only when stderr is a terminal and the output is not JSON.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(CliConsoles consoles) =>
        SpecCommand.Create("simulate", "Run label-noise SGD chains from the spec's θ* and compare with the predictions.",
            (path, json) => Execute(path, json, consoles));

    public static int Execute(string path, bool json, CliConsoles consoles)
    {
        var accepted = AcceptedSpec.Load(path);
        var (plan, specCase) = (accepted.Plan, accepted.Case);
        var progress = !json && consoles.ErrorIsTerminal ? AnsiConsoles.Over(consoles.Error, true) : null;
        var result = ProgressBar.Run(progress, $"{plan.Pairs * 2} chains × {plan.Steps} steps",
            p => Simulation.Run(specCase.Case, accepted.Summary, plan, p));
        consoles.Error.Write(accepted.Notes);
        if (result.ProjectionNote() is { } note) consoles.Error.WriteLine(note);
        if (json) JsonLine.Write(consoles.Out, SimulationJson.Object(specCase, result));
        else SimulationTable.Write(AnsiConsoles.Over(consoles.Out, consoles.OutIsTerminal), specCase, result);
        consoles.Out.Flush();
        return !result.Verdicts.Any(v => v.Fails) ? ExitCode.Pass : ExitCode.Fail;
    }
}
