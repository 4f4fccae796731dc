using System.Diagnostics;
using Xunit;

namespace NoiseDrift.Properties.Conformance;

/// <summary>
/// A test of the PyTorch adapter. It needs a Python that imports torch and functorch (Debian's python3-torch, which
/// <c>.ci/run</c> installs). Without one it is skipped visibly on a developer's machine, and in CI (<c>CI=true</c>) it
/// runs and fails with the reason: CI never passes without having run it.
/// </summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (TorchPython is null && !InCi) Skip = "no Python with torch (apt-get install python3-torch); CI fails instead of skipping";
    }

    /// <summary>Whether the tests run in CI (<c>CI=true</c>).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first of <c>/usr/bin/python3</c> and <c>python3</c> that has torch and functorch; null if none does.</summary>
    public static string? TorchPython { get; } = Find();

    /// <summary>The interpreter, or an exception naming what is missing.</summary>
    public static string RequirePython() => TorchPython ?? throw new InvalidOperationException(
        "no Python with torch found (tried /usr/bin/python3 and python3): install Debian's python3-torch");

    /// <summary>
    /// Finds torch and functorch without importing them: importing torch takes minutes on a loaded machine, longer
    /// than a probe should wait.
    /// </summary>
    private const string FindsTorch =
        "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('torch') and importlib.util.find_spec('functorch') else 1)";

    private static string? Find()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate, ["-c", FindsTorch])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start);
                if (process is null) continue;
                if (process.WaitForExit(120_000) && process.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        return null;
    }
}
