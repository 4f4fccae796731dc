using System.Text.Json;
using NoiseDrift.Cli;
using Xunit;

namespace NoiseDrift.Properties.Cli;

/// <summary>
/// The two outcomes a spec may have (issue "no crash on any spec"): exit 0 with finite output, or exit 2 with one
/// line on stderr naming a JSON path and nothing on stdout. Never a stack trace, never another exit code.
/// </summary>
internal static class CliOutcome
{
    /// <summary>Exit 2, stdout empty, one stderr line <c>noisedrift: FIELD…: problem</c>; returns the line.</summary>
    public static string BadInput(CliRun run, string field)
    {
        Assert.True(run.ExitCode == ExitCode.BadInput, $"exit {run.ExitCode}, expected 2; stderr: {run.Error}");
        Assert.Empty(run.Out);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"noisedrift: {field}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        return line;
    }

    /// <summary>Exit 0 and every number of the JSON output finite (no <c>null</c>).</summary>
    public static JsonElement Finite(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCode.Pass, $"exit {run.ExitCode}, expected 0; stderr: {run.Error}");
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement.Clone();
        AssertFinite(root, "");
        return root;
    }

    private static void AssertFinite(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail($"{path} is null (not finite)");
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) AssertFinite(p.Value, $"{path}.{p.Name}");
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray()) AssertFinite(item, $"{path}[{i++}]");
                break;
        }
    }
}
