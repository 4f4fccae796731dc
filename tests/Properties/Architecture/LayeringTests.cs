using System.Reflection;
using NoiseDrift.Cli;
using NoiseDrift.Conformance.Certification;
using NoiseDrift.Conformance.Xunit;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Properties.Cli;
using NoiseDrift.Theory;
using Xunit;

namespace NoiseDrift.Properties.Architecture;

/// <summary>
/// The layers of the code (docs/design.md "Layers"): Engine → Theory core → Judging → exact checks and stationary
/// experiments → verdicts → paper claims (Reproduction) → conformance → CLI. A namespace may refer to its own layer
/// and to lower ones, never to a higher one, and no namespaces refer to each other in a cycle. References are read
/// from the compiled assemblies (<see cref="NamespaceGraph"/>) and, for the constants the compiler inlines, from the
/// <c>using</c> directives of the source (IDE0005 keeps every one of them in use).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The layers, lowest first; a name ending in <c>.*</c> covers its sub-namespaces.</summary>
    public static readonly string[][] Layers =
    [
        ["NoiseDrift.Engine.*"],
        ["NoiseDrift.Theory.Geometry", "NoiseDrift.Theory.Ou", "NoiseDrift.Theory.Drift", "NoiseDrift.Theory.SlowFlow",
            "NoiseDrift.Theory.Stability", "NoiseDrift.Theory.Statistics", "NoiseDrift.Theory", "NoiseDrift.Theory.Settings"],
        ["NoiseDrift.Theory.Judging"],
        ["NoiseDrift.Theory.Checks", "NoiseDrift.Theory.Experiments", "NoiseDrift.Theory.Offset"],
        ["NoiseDrift.Theory.Verdicts"],
        ["NoiseDrift.Theory.Reproduction"],
        ["NoiseDrift.Conformance.Cases", "NoiseDrift.Conformance.Protocol", "NoiseDrift.Conformance.Run"],
        ["NoiseDrift.Conformance.Certification", "NoiseDrift.Conformance.Own"],
        ["NoiseDrift.Conformance.Vectors", "NoiseDrift.Conformance.Xunit"],
        ["NoiseDrift.Cli"],
        ["NoiseDrift.Cli.Spec"],
        ["NoiseDrift.Cli.SpecRun", "NoiseDrift.Cli.Battery"],
        ["NoiseDrift.Cli.Output"],
        ["NoiseDrift.Cli.Sweep", "NoiseDrift.Cli.Reproduce"],
        ["NoiseDrift.Cli.Commands"],
    ];

    private static readonly Assembly[] Assemblies =
    [
        typeof(Guard).Assembly, typeof(PredictionSummary).Assembly, typeof(DeterministicJudge).Assembly,
        typeof(CertificationTests).Assembly, typeof(CliConsoles).Assembly,
    ];

    private static readonly Lazy<NamespaceGraph> Graph = new(() =>
    {
        var graph = NamespaceGraph.Of(Assemblies, "NoiseDrift.");
        graph.AddUsings(CliRun.RepositoryFile("src"));
        return graph;
    });

    [Fact]
    public void EveryNamespaceHasALayer()
    {
        var unplaced = Graph.Value.Namespaces.Where(n => Rank(n) < 0).ToList();
        Assert.True(Graph.Value.Namespaces.Count > 30, $"found only {Graph.Value.Namespaces.Count} namespaces; the scan is broken");
        Assert.True(unplaced.Count == 0, "namespaces without a layer in LayeringTests.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void NoNamespaceRefersToAHigherLayer()
    {
        var upward = Graph.Value.Edges.Where(e => Rank(e.To) > Rank(e.From))
            .Select(e => $"{e.From} (layer {Rank(e.From)}) → {e.To} (layer {Rank(e.To)}): {e.Example}").ToList();
        Assert.True(Graph.Value.Edges.Count() > 100, "found too few references; the scan is broken");
        Assert.True(upward.Count == 0, "references up the layers:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void NoNamespacesReferToEachOtherInACycle()
    {
        var cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(c =>
            string.Join(", ", c) + ": " + string.Join("; ", c.SelectMany(from => Graph.Value.From(from)
                .Where(to => c.Contains(to.Key)).Select(to => $"{from} → {to.Key} ({to.Value})"))))));
    }

    [Fact]
    public void TheScanSeesABackReferenceAndACycle()
    {
        var graph = new NamespaceGraph();
        graph.Namespaces.UnionWith(["NoiseDrift.Theory.Judging", "NoiseDrift.Theory.Verdicts"]);
        graph.Add("NoiseDrift.Theory.Verdicts", "NoiseDrift.Theory.Judging", "down");
        Assert.Empty(graph.Cycles());
        graph.Add("NoiseDrift.Theory.Judging", "NoiseDrift.Theory.Verdicts", "up");
        Assert.Equal(["NoiseDrift.Theory.Judging", "NoiseDrift.Theory.Verdicts"], Assert.Single(graph.Cycles()));
        Assert.True(Rank("NoiseDrift.Theory.Verdicts") > Rank("NoiseDrift.Theory.Judging"));
    }

    [Fact]
    public void TheScanSeesReferencesInMethodBodies()
    {
        // From the IL alone: Cli.Sweep reaches Judging through SuiteBudget.Budget in a method body, and the Engine only
        // by throwing InvalidInputException.
        var edges = NamespaceGraph.Of(Assemblies, "NoiseDrift.").From("NoiseDrift.Cli.Sweep");
        Assert.Contains("NoiseDrift.Theory.Judging", edges.Keys);
        Assert.Contains("NoiseDrift.Engine.Validation", edges.Keys);
    }

    /// <summary>The layer of a namespace, −1 when none lists it.</summary>
    public static int Rank(string ns)
    {
        for (int i = Layers.Length - 1; i >= 0; i--)
        {
            foreach (var entry in Layers[i])
            {
                if (entry == ns) return i;
                if (entry.EndsWith(".*", StringComparison.Ordinal) && ns.StartsWith(entry[..^1], StringComparison.Ordinal))
                    return i;
            }
        }
        return -1;
    }
}
