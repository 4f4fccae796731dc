using System.CommandLine;

namespace NoiseDrift.Cli.Commands;

/// <summary>A command over one spec file with an optional JSON output: <c>NAME --spec FILE [--json]</c>.</summary>
internal static class SpecCommand
{
    /// <summary>The command; <paramref name="execute"/> gets the spec path and the <c>--json</c> flag, and returns the exit code.</summary>
    public static Command Create(string name, string description, Func<string, bool, int> execute)
    {
        var spec = SpecOption.Create();
        var json = new Option<bool>("--json") { Description = "Write one JSON object to stdout." };
        var command = new Command(name, description) { spec, json };
        command.SetAction(parsed => execute(parsed.GetRequiredValue(spec), parsed.GetValue(json)));
        return command;
    }
}
