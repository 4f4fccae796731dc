using System.Text.RegularExpressions;
using NoiseDrift.Cli;
using NoiseDrift.Properties.Cli;
using Xunit;

namespace NoiseDrift.Properties.Docs;

/// <summary>
/// The result tables in README.md and docs/ are generated, never typed (docs/development.md "Generated tables"): each
/// sits between <c>&lt;!-- generated: noisedrift ARGS --&gt;</c> (at the start of a line, so an indented example is
/// not a block) and <c>&lt;!-- end generated --&gt;</c>, and this test
/// reruns <c>noisedrift ARGS</c> in-process and requires the committed text to be exactly what it prints. With
/// <c>NOISEDRIFT_UPDATE_DOCS=1</c> it rewrites the blocks instead (after a deliberate change), and still fails so that
/// the rewrite is looked at before it lands.
/// </summary>
public sealed partial class GeneratedTablesTests
{
    [Fact]
    public void EveryGeneratedTableIsWhatItsCommandPrints()
    {
        bool update = Environment.GetEnvironmentVariable("NOISEDRIFT_UPDATE_DOCS") == "1";
        var stale = new List<string>();
        int blocks = 0;
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        string Printed(string args) => outputs.TryGetValue(args, out var o) ? o : outputs[args] = Run(args);
        foreach (var file in Documents())
        {
            string text = File.ReadAllText(file);
            var (rewritten, found, stales) = Refresh(text, Printed);
            blocks += found;
            stale.AddRange(stales.Select(args => $"{Path.GetFileName(file)}: noisedrift {args}"));
            if (update && rewritten != text) File.WriteAllText(file, rewritten);
        }
        Assert.True(blocks >= 3, $"found only {blocks} generated blocks; the scan is broken");
        Assert.True(stale.Count == 0, (update ? "rewritten, look at the diff: " : "stale (rerun with NOISEDRIFT_UPDATE_DOCS=1): ") +
            string.Join("; ", stale));
    }

    [Fact]
    public void AChangedFigureIsStale()
    {
        const string args = "check --quick --seed 1 --markdown";
        string printed = Run(args);
        Assert.Contains("| family |", printed, StringComparison.Ordinal);
        string Doc(string body) => $"x\n<!-- generated: noisedrift {args} -->\n{body}<!-- end generated -->\ny\n";
        Assert.Empty(Refresh(Doc(printed), _ => printed).Stale);
        string edited = printed.Replace("| pass |", "| FAIL |", StringComparison.Ordinal);
        var (rewritten, found, stale) = Refresh(Doc(edited), _ => printed);
        Assert.Equal(1, found);
        Assert.Equal([args], stale);
        Assert.Equal(Doc(printed), rewritten);
    }

    /// <summary>The text with every block replaced by its command's output, the number of blocks, and the stale ones.</summary>
    private static (string Text, int Blocks, List<string> Stale) Refresh(string text, Func<string, string> printed)
    {
        var stale = new List<string>();
        int blocks = 0;
        string rewritten = Block().Replace(text, m =>
        {
            blocks++;
            string args = m.Groups["args"].Value.Trim();
            string output = printed(args);
            if (m.Groups["body"].Value != output) stale.Add(args);
            return m.Groups["head"].Value + output + m.Groups["tail"].Value;
        });
        return (rewritten, blocks, stale);
    }

    /// <summary>What <c>noisedrift ARGS</c> prints; a generated block must come from a run that passes.</summary>
    private static string Run(string args)
    {
        Assert.Contains("--markdown", args, StringComparison.Ordinal);
        var run = CliRun.Of(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(run.ExitCode == ExitCode.Pass, $"noisedrift {args} exited {run.ExitCode}: {run.Error}");
        return run.Out;
    }

    internal static IEnumerable<string> Documents()
    {
        string root = Path.GetDirectoryName(CliRun.RepositoryFile("Verify.sln"))!;
        return [Path.Combine(root, "README.md"), .. Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"(?<head>^<!-- generated: noisedrift (?<args>[^>]*?)-->\n)(?<body>.*?)(?<tail><!-- end generated -->)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Block();
}
