using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace NoiseDrift.Properties.Docs;

/// <summary>
/// Every relative link and image in README.md and docs/*.md resolves: the file exists, and a <c>#anchor</c> names a
/// heading of the linked Markdown file under GitHub's rule for heading anchors (lower case, punctuation dropped,
/// spaces to hyphens, a repeated heading numbered <c>-1</c>, <c>-2</c>, …). Links to the web are not fetched.
/// </summary>
public sealed partial class DocLinkTests
{
    [Fact]
    public void EveryRelativeLinkInTheDocsResolves()
    {
        var broken = new List<string>();
        int links = 0;
        foreach (var file in GeneratedTablesTests.Documents())
        {
            var found = Links(File.ReadAllText(file)).ToList();
            links += found.Count;
            broken.AddRange(found.Where(link => !Resolves(file, link)).Select(link => $"{Path.GetFileName(file)}: {link}"));
        }
        Assert.True(links > 30, $"found only {links} links; the scan is broken");
        Assert.True(broken.Count == 0, "links that do not resolve: " + string.Join("; ", broken));
    }

    [Fact]
    public void AnchorsFollowGitHubsRule()
    {
        Assert.Equal(["the-check-command", "the-papers-three-settings", "sparse-regression-label-noise-recovers-β-gd-and-gaussian-noise-do-not", "x", "x-1"],
            Anchors("## The `check` command\n## The paper's three settings\n```\n# not a heading\n```\n" +
                "### Sparse regression: label noise recovers β*, GD and Gaussian noise do not\n# x\n# x\n"));
        Assert.Equal(["a.md#b", "img/c.png", "d"], Links("see [a](a.md#b) and ![c](img/c.png), [web](https://x.org), [d](d)\n    [code](e)\n"));
    }

    [Fact]
    public void ABrokenLinkIsReported()
    {
        string readme = GeneratedTablesTests.Documents().First();
        Assert.True(Resolves(readme, "docs/cli.md#the-check-command"));
        Assert.False(Resolves(readme, "docs/cli.md#no-such-heading"));
        Assert.False(Resolves(readme, "docs/no-such-file.md"));
        Assert.False(Resolves(readme, "#no-such-heading"));
    }

    private static bool Resolves(string from, string link)
    {
        int hash = link.IndexOf('#', StringComparison.Ordinal);
        string path = hash < 0 ? link : link[..hash];
        string target = path.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, Uri.UnescapeDataString(path)));
        if (!File.Exists(target) && !Directory.Exists(target)) return false;
        if (hash < 0) return true;
        return target.EndsWith(".md", StringComparison.Ordinal) && File.Exists(target)
            && Anchors(File.ReadAllText(target)).Contains(Uri.UnescapeDataString(link[(hash + 1)..]));
    }

    /// <summary>The relative link targets of a Markdown text, outside code.</summary>
    private static IEnumerable<string> Links(string markdown) =>
        Prose(markdown).SelectMany(line => Link().Matches(line).Select(m => m.Groups["target"].Value))
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>The anchor of every heading of a Markdown text, as GitHub makes them.</summary>
    private static List<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new List<string>();
        foreach (var line in Prose(markdown).Where(l => l.StartsWith('#')))
        {
            var slug = new StringBuilder();
            foreach (char c in line.TrimStart('#').Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }
            string s = slug.ToString();
            int n = seen.GetValueOrDefault(s);
            seen[s] = n + 1;
            anchors.Add(n == 0 ? s : $"{s}-{n}");
        }
        return anchors;
    }

    /// <summary>The lines of a Markdown text outside fenced and indented code blocks.</summary>
    private static IEnumerable<string> Prose(string markdown)
    {
        bool fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; continue; }
            if (!fenced && !line.StartsWith("    ", StringComparison.Ordinal)) yield return line;
        }
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
