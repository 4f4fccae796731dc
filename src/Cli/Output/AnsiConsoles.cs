using Spectre.Console;

namespace NoiseDrift.Cli.Output;

/// <summary>Spectre.Console consoles over the CLI's writers.</summary>
internal static class AnsiConsoles
{
    /// <summary>Width used when the writer is not a terminal, so tables do not wrap in files and pipes.</summary>
    private const int RedirectedWidth = 160;

    /// <summary>A console writing to <paramref name="writer"/>; plain text (no ANSI codes) unless it is a terminal.</summary>
    public static IAnsiConsole Over(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
