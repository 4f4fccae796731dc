using System.CommandLine;
using NoiseDrift.Cli.Commands;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli;

/// <summary>
/// The <c>noisedrift</c> command line (DESIGN.md "CLI contract"). Parse errors and bad input print one line to
/// stderr and exit 2; a failed check exits 1.
/// </summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Root(CliConsoles consoles) =>
        new("NoiseDrift: checks of label-noise SGD implicit regularization (Blanc et al., COLT 2020).")
        {
            CheckCommand.Create(consoles),
            ValidateCommand.Create(consoles),
            PredictCommand.Create(consoles),
            SimulateCommand.Create(consoles),
            ReproduceCommand.Create(consoles),
            VectorsCommand.Create(consoles),
            CertifyCommand.Create(consoles),
        };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, CliConsoles consoles)
    {
        var parsed = Root(consoles).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string errors = string.Join(" ", parsed.Errors.Select(e => e.Message));
            consoles.Error.WriteLine($"noisedrift: {errors} (see 'noisedrift --help')");
            return ExitCode.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = consoles.Out,
                Error = consoles.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InvalidInputException e)
        {
            consoles.Error.WriteLine($"noisedrift: {InputError.Line(e)}");
            return ExitCode.BadInput;
        }
    }
}
