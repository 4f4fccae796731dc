using System.Text.RegularExpressions;
using Xunit;

namespace NoiseDrift.Properties.Docs;

/// <summary>
/// Every citation in a source file resolves: <c>docs/theory.md §n</c>, <c>docs/conformance.md §n</c> and
/// <c>docs/design.md "Heading"</c> must name a heading of that very file (docs/design.md "Tests": a doc comment cites
/// the section it implements). A bare <c>§n</c> refers to the file named last before it on the same line, or to
/// docs/theory.md. The old spellings <c>THEORY.md</c>, <c>DESIGN.md</c> and <c>CONFORMANCE.md</c> name files that are
/// not in the repository and are reported.
/// </summary>
public sealed partial class TheoryCitationTests
{
    private const string TheoryDoc = "docs/theory.md";

    [Fact]
    public void EveryCitationInTheCodeIsAHeadingOfTheFileItNames()
    {
        var root = RepositoryRoot();
        var cited = SourceFiles(root)
            .SelectMany(file => Citations(File.ReadAllText(file)).Select(c => (c.Doc, c.Anchor, File: file)))
            .ToList();

        Assert.True(cited.Count > 100, $"found only {cited.Count} citations; the scan is broken");
        var headings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (doc, anchor, file) in cited)
        {
            var where = Path.GetRelativePath(root, file);
            if (!headings.TryGetValue(doc, out var lines))
            {
                var path = Path.Combine(root, doc);
                lines = File.Exists(path) ? HeadingLines(File.ReadAllText(path)) : [];
                headings[doc] = lines;
            }
            if (!Resolves(lines, anchor)) missing.Add($"{doc} {anchor} in {where}");
        }
        Assert.True(missing.Count == 0, "cited but not a heading of the named file: " + string.Join("; ", missing.Distinct()));
    }

    [Fact]
    public void NoSourceCitesADocumentOutsideTheRepository()
    {
        var root = RepositoryRoot();
        var stale = SourceFiles(root)
            .Where(file => StaleDocPattern().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();
        Assert.True(stale.Count == 0, "cites THEORY.md/DESIGN.md/CONFORMANCE.md instead of docs/…: " + string.Join("; ", stale));
    }

    [Fact]
    public void AnUnresolvedCitationIsReported()
    {
        var theory = HeadingLines("# Title\n## §1 Setting\n### §2.1 Full batch\ntext §9 in prose is not a heading\n");
        var design = HeadingLines("# Design\n## CLI contract (`noisedrift`)\n### Spec file\n");
        var cited = Citations("/// (docs/theory.md §2.1) and §9; docs/design.md \"Spec file\", then \"Models\" and §1.\n/// § 1.");
        Assert.Equal(
            [(TheoryDoc, "§2.1"), (TheoryDoc, "§9"), ("docs/design.md", "\"Spec file\""), ("docs/design.md", "§1"), (TheoryDoc, "§1")],
            cited);
        Assert.True(Resolves(theory, "§2.1"));
        Assert.False(Resolves(theory, "§9"));
        Assert.False(Resolves(theory, "§2"));
        Assert.True(Resolves(design, "\"CLI contract\""));
        Assert.True(Resolves(design, "\"Spec file\""));
        Assert.False(Resolves(design, "\"Models\""));
        Assert.False(Resolves(design, "§1"));
        Assert.Matches(StaleDocPattern(), "/// THEORY.md §3");
        Assert.DoesNotMatch(StaleDocPattern(), "/// docs/theory.md §3");
    }

    /// <summary>(file, anchor) pairs cited in a text; an anchor is <c>§n</c> or a quoted heading.</summary>
    private static List<(string Doc, string Anchor)> Citations(string text)
    {
        var result = new List<(string, string)>();
        foreach (var line in text.Split('\n'))
        {
            var doc = TheoryDoc;
            foreach (Match m in CitationPattern().Matches(line))
            {
                if (m.Groups["doc"].Success) { doc = m.Groups["doc"].Value; if (!m.Groups["anchor"].Success) continue; }
                var anchor = m.Groups["anchor"].Value;
                result.Add((doc, anchor.StartsWith('"') ? anchor : anchor.Replace(" ", "", StringComparison.Ordinal).TrimEnd('.')));
            }
        }
        return result;
    }

    private static bool Resolves(string[] headingLines, string anchor) =>
        anchor.StartsWith('"')
            ? headingLines.Any(h => h.StartsWith(anchor.Trim('"'), StringComparison.Ordinal))
            : headingLines.Any(h => SectionPattern().Matches(h).Any(m => "§" + m.Groups[1].Value == anchor));

    /// <summary>The text of every Markdown heading line, without its leading hashes.</summary>
    private static string[] HeadingLines(string markdown) =>
        markdown.Split('\n').Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim()).ToArray();

    private static readonly string[] SourceFolders = ["src", "tests", "bench"];

    private static IEnumerable<string> SourceFiles(string root) =>
        SourceFolders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.EndsWith(nameof(TheoryCitationTests) + ".cs", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new InvalidOperationException("Verify.sln not found above the test binaries");
    }

    /// <summary>A file name, optionally followed by its anchor (a section or a quoted heading), or a bare section.</summary>
    [GeneratedRegex("""(?<doc>docs/[a-z][a-z-]*\.md)(?:[,:]?\s*\(?\s*(?<anchor>§\s?\d+(?:\.\d+)*|"[^"]+"))?|(?<anchor>§\s?\d+(?:\.\d+)*)""")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"§\s?(\d+(?:\.\d+)*)")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"(?<!docs/)\b(?:THEORY|DESIGN|CONFORMANCE)\.md")]
    private static partial Regex StaleDocPattern();
}
