using System.CommandLine;
using System.Globalization;
using NoiseDrift.Cli.SpecRun;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// <c>noisedrift validate --spec FILE</c>: reads and validates a spec file, and prints one line describing it.
/// Exit 0 when the spec is valid, 2 (with the JSON path of the first error) when it is not.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var spec = SpecOption.Create();
        var command = new Command("validate", "Validate a spec file and summarise it.") { spec };
        command.SetAction(parsed => Execute(parsed.GetRequiredValue(spec), consoles));
        return command;
    }

    public static int Execute(string path, CliConsoles consoles)
    {
        var accepted = AcceptedSpec.Load(path);
        var spec = accepted.Spec;
        var (sgd, run) = (spec.Sgd.Problem, spec.Sgd.Run);
        consoles.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ok: {spec.Model.Describe()}, p={spec.Model.ParameterCount}, n={spec.Data.Count}, " +
            $"theta={accepted.Case.Source.ToString().ToLowerInvariant()}, eta={sgd.Eta}, eta_limit={accepted.Summary.StepSizeLimit:G6}, " +
            $"sigma={sgd.Sigma}, batch={sgd.Batch}, noise={sgd.Noise.ToString().ToLowerInvariant()}, steps={run.Steps}, " +
            $"chains={run.Chains}, seed={run.Seed}"));
        return ExitCode.Pass;
    }
}
