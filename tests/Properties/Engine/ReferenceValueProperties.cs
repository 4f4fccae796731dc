using FsCheck.Xunit;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The engine's <c>h(x; θ)</c> equals a naive forward pass written from the definition (docs/theory.md §1), with the
/// activations from <see cref="ReferenceActivation"/>: this anchors the value that every finite difference is taken
/// of, so a wrong φ or a wrong parameter order cannot hide behind consistent derivatives.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class ReferenceValueProperties
{
    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp_value_matches_naive_forward(NetworkCase c)
    {
        var arch = MlpArchitecture.Of((Mlp)c.Model);
        AllExamples(c, x => ReferenceMlp.Forward(arch.Layout, arch.Activations, c.Theta, x).Value);
    }

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Dag_value_matches_naive_forward(NetworkCase c)
    {
        var dag = (DagNetwork)c.Model;
        AllExamples(c, x => ReferenceDag.Forward(dag.InputDimension, dag.Neurons, c.Theta, x).Value);
    }

    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp_layout_matches_engine_offsets(NetworkCase c)
    {
        var mlp = (Mlp)c.Model;
        var layout = MlpArchitecture.Of(mlp).Layout;
        for (int l = 0; l < mlp.Depth; l++)
        {
            if (layout.Weights(l) != mlp.WeightOffset(l) || layout.Biases(l) != mlp.BiasOffset(l))
                throw new CheckFailedException($"layer {l}: offsets differ from the documented order");
        }
        if (layout.Output != mlp.OutputOffset || layout.Count != mlp.ParameterCount)
            throw new CheckFailedException("output offset or parameter count differs from the documented order");
    }

    private delegate double Reference(ReadOnlySpan<double> x);

    private static void AllExamples(NetworkCase c, Reference reference)
    {
        var ws = c.Model.CreateWorkspace(1);
        for (int i = 0; i < c.Data.Count; i++)
        {
            double expected = reference(c.Data.Row(i));
            double actual = c.Model.Value(c.Theta, c.Data.Row(i), ws);
            double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                               Math.Max(1, Math.Abs(expected));
            if (!(Math.Abs(expected - actual) <= tolerance))
                throw new CheckFailedException($"example {i}: reference h = {expected:R}, engine h = {actual:R}");
        }
    }
}
