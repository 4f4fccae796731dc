using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The generators reach what the properties claim to cover (docs/design.md "Tests"): all ten activations (at least
/// eight are required), depths 1..6, both output-bias settings, and DAGs with skip edges.
/// </summary>
public class CoverageTests
{
    [Fact]
    public void Mlp_generator_covers_all_activations_depths_and_bias_settings()
    {
        var cases = Sample(MlpGen.Any);
        var mlps = cases.Select(c => (Mlp)c.Model).ToArray();
        var kinds = mlps.SelectMany(m => m.Activations).Distinct().ToArray();
        Assert.True(kinds.Length >= 8, $"only {kinds.Length} activations generated");
        Assert.Equal(Activation.All.Count, kinds.Length);
        Assert.Equal(6, mlps.Select(m => m.Depth).Distinct().Count());
        Assert.Equal(2, mlps.Select(m => m.OutputBias).Distinct().Count());
    }

    /// <summary>200 cases from the fixed seed of <see cref="TestSupport.PropertyConfig"/>, so coverage is deterministic.</summary>
    private static T[] Sample<T>(Gen<T> gen)
    {
        var samples = gen.Sample(200, new Rnd(1904080917UL, 20200701UL), 8); // (count, seed, size)
        Assert.Equal(200, samples.Length);
        return samples;
    }

    [Fact]
    public void Dag_generator_always_has_a_skip_edge()
    {
        foreach (var dag in Sample(DagGen.Any).Select(c => (DagNetwork)c.Model))
        {
            int d = dag.InputDimension, last = dag.Neurons.Count - 1;
            Assert.Contains(0, dag.Neurons[last].Sources);
            Assert.Contains(d + last - 1, dag.Neurons[last].Sources);
        }
    }
}
