using System.Diagnostics;

namespace NoiseDrift.Properties.Conformance;

/// <summary>The conformance folder of the repository and an interpreter that can <c>import numpy</c>.</summary>
internal static class RepositoryPaths
{
    public static string Conformance { get; } = Cli.CliRun.RepositoryFile("conformance");

    /// <summary>
    /// The first of <c>/usr/bin/python3</c> (Debian's, where apt's python3-numpy installs) and <c>python3</c> on PATH
    /// that imports NumPy; null if none does.
    /// </summary>
    public static string? NumpyPython { get; } = FindNumpyPython();

    private static string? FindNumpyPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate, ["-c", "import numpy"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start);
                if (process is null) continue;
                if (process.WaitForExit(30_000) && process.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed; try the next one.
            }
        }
        return null;
    }
}
