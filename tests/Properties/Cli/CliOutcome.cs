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

    /// <summary>
    /// Exit 0 and every number of the JSON output finite (no <c>null</c>), except under the paths in
    /// <paramref name="undefinedAllowed"/>, which are documented as undefined (NaN, printed as null) in some states.
    /// </summary>
    public static JsonElement Finite(CliRun run, params string[] undefinedAllowed)
    {
        Assert.True(run.ExitCode == ExitCode.Pass, $"exit {run.ExitCode}, expected 0; stderr: {run.Error}");
        return FiniteJson(run, undefinedAllowed);
    }

    /// <summary>
    /// A judged run (<c>simulate</c>): exit 0 when every verdict passed and 1 when one failed, as its JSON's
    /// <c>pass</c> says, and every number finite as in <see cref="Finite"/>.
    /// </summary>
    public static JsonElement Judged(CliRun run, params string[] undefinedAllowed)
    {
        Assert.True(run.ExitCode is ExitCode.Pass or ExitCode.Fail, $"exit {run.ExitCode}, expected 0 or 1; stderr: {run.Error}");
        var root = FiniteJson(run, undefinedAllowed);
        Assert.Equal(run.ExitCode == ExitCode.Pass, root.GetProperty("pass").GetBoolean());
        return root;
    }

    private static JsonElement FiniteJson(CliRun run, string[] undefinedAllowed)
    {
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement.Clone();
        AssertFinite(root, "", undefinedAllowed);
        return root;
    }

    private static void AssertFinite(JsonElement element, string path, string[] undefinedAllowed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(undefinedAllowed.Any(a => path.StartsWith(a, StringComparison.Ordinal)), $"{path} is null (not finite)");
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) AssertFinite(p.Value, $"{path}.{p.Name}", undefinedAllowed);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray()) AssertFinite(item, $"{path}[{i++}]", undefinedAllowed);
                break;
        }
    }
}
