using System.Text.RegularExpressions;
using Xunit;

namespace NoiseDrift.Properties.Docs;

/// <summary>
/// Every <c>§n</c> that a source file cites must resolve to a heading of <c>docs/theory.md</c>, the repository's own
/// statement of the mathematics (the design rule "a doc comment cites the section it implements").
/// </summary>
public sealed partial class TheoryCitationTests
{
    [Fact]
    public void EverySectionCitedInTheCodeIsAHeadingOfTheTheoryDoc()
    {
        var root = RepositoryRoot();
        var headings = Headings(File.ReadAllText(Path.Combine(root, "docs", "theory.md")));
        var cited = SourceFiles(root)
            .SelectMany(file => Citations(File.ReadAllText(file)).Select(section => (section, file)))
            .ToList();

        Assert.True(cited.Count > 100, $"found only {cited.Count} citations; the scan is broken");
        var missing = cited.Where(c => !headings.Contains(c.section))
            .Select(c => $"§{c.section} in {Path.GetRelativePath(root, c.file)}")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "cited but not a heading of docs/theory.md: " + string.Join("; ", missing));
    }

    [Fact]
    public void TheDesignDocExistsForTheDesignCitations()
    {
        var root = RepositoryRoot();
        Assert.True(File.Exists(Path.Combine(root, "docs", "design.md")), "docs/design.md is missing");
    }

    [Fact]
    public void AnUnknownSectionIsReported()
    {
        var headings = Headings("# Title\n## §1 Setting\n### §2.1 Full batch\ntext §9 in prose is not a heading\n");
        Assert.Equal(["1", "2.1"], headings.Order(StringComparer.Ordinal));
        var cited = Citations("/// (THEORY.md §2.1) and §9, and §1.");
        Assert.Equal(["2.1", "9", "1"], cited);
        Assert.Equal(["9"], cited.Where(s => !headings.Contains(s)));
    }

    /// <summary>Section numbers cited in a text, without a sentence-ending dot.</summary>
    private static List<string> Citations(string text) =>
        SectionPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Section numbers that head a Markdown heading line.</summary>
    private static HashSet<string> Headings(string markdown) =>
        markdown.Split('\n')
            .Where(line => line.StartsWith('#'))
            .SelectMany(line => SectionPattern().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

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

    [GeneratedRegex(@"§\s?(\d+(?:\.\d+)*)")]
    private static partial Regex SectionPattern();
}
