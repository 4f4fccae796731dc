using System.CommandLine;

namespace NoiseDrift.Cli.Commands;

/// <summary>The <c>--spec FILE</c> option shared by the commands that read a spec file.</summary>
public static class SpecOption
{
    public static Option<string> Create() => new("--spec")
    {
        Description = "Path of the spec JSON file (see docs/cli.md, \"Spec files\").",
        Required = true,
    };
}
