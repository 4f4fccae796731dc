namespace NoiseDrift.Cli;

/// <summary>Where the CLI writes, and whether each stream is a terminal (progress bars are drawn only on terminals).</summary>
/// <param name="Out">Standard output: tables, or JSON lines with <c>--json</c>.</param>
/// <param name="Error">Standard error: error messages, and the progress bar with <c>--json</c>.</param>
/// <param name="OutIsTerminal">True when <paramref name="Out"/> is an interactive terminal.</param>
/// <param name="ErrorIsTerminal">True when <paramref name="Error"/> is an interactive terminal.</param>
public sealed record CliConsoles(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>The process's own streams; redirected output stops the run when its reader goes (<see cref="ClosedOutput"/>).</summary>
    public static CliConsoles System() =>
        new(Console.IsOutputRedirected ? ClosedOutput.StandardOutput() : Console.Out, Console.Error,
            !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>In-memory streams that are not terminals (tests).</summary>
    public static CliConsoles Captured(TextWriter output, TextWriter error) => new(output, error, false, false);
}
