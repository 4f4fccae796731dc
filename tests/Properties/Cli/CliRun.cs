using NoiseDrift.Cli;
using NoiseDrift.Cli.Commands;

namespace NoiseDrift.Properties.Cli;

/// <summary>Runs <c>noisedrift</c> in-process with captured, non-terminal output streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, CliConsoles.Captured(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (the folder holding Verify.sln), for example files.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return Path.Combine(dir.FullName, relative);
        }
        throw new InvalidOperationException("Verify.sln not found above the test binaries");
    }
}
