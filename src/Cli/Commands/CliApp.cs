using System.CommandLine;
using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Commands;

/// <summary>
/// The <c>noisedrift</c> command line (docs/design.md "CLI contract"). Parse errors and bad input print one line to
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
            SweepCommand.Create(consoles),
            MergeCommand.Create(consoles),
            VectorsCommand.Create(consoles),
            CertifyCommand.Create(consoles),
        };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, CliConsoles consoles) => Run(args, consoles, Root(consoles));

    /// <summary>
    /// Runs <paramref name="args"/> against <paramref name="root"/>. Bad input is exit 2 with one line (for a command
    /// that reads a spec, under the spec path of the field, <see cref="SpecPath"/>); any other
    /// exception that reaches here is exit 1 with one line naming the command, the spec and the exception type, never
    /// a stack trace.
    /// </summary>
    public static int Run(string[] args, CliConsoles consoles, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        ArgumentNullException.ThrowIfNull(root);
        var parsed = root.Parse(args);
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
        catch (Exception e) when (Unwrap(e) is ClosedOutputException)
        {
            return ExitCode.OutputClosed;
        }
        catch (Exception e) when (Unwrap(e) is InvalidInputException input)
        {
            if (SpecOf(parsed) is not null) input = SpecPath.Placed(input);
            consoles.Error.WriteLine($"noisedrift: {InputError.Line(input)}");
            return ExitCode.BadInput;
        }
        catch (Exception e)
        {
            var inner = Unwrap(e);
            string spec = SpecOf(parsed) is { } path ? $" on spec '{path}'" : "";
            string message = inner.Message.ReplaceLineEndings(" ");
            consoles.Error.WriteLine($"noisedrift: internal error in '{parsed.CommandResult.Command.Name}'{spec}: " +
                $"{inner.GetType().Name}: {message} (please report it with the spec)");
            return ExitCode.Fail;
        }
    }

    /// <summary>The single inner exception of an <see cref="AggregateException"/> chain (parallel loops wrap them).</summary>
    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e is AggregateException many ? many.InnerExceptions[0] : e;
    }

    private static string? SpecOf(ParseResult parsed) =>
        parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--spec") is Option<string> spec
            ? parsed.GetValue(spec)
            : null;
}
