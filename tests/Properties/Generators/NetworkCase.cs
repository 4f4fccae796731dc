using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Generators;

/// <summary>One generated case: a model, a parameter vector θ and a data set (docs/theory.md §1).</summary>
public sealed record NetworkCase(Model Model, double[] Theta, Dataset Data)
{
    /// <summary>Shown by FsCheck for a counterexample: architecture, θ and data, round-trippable by eye.</summary>
    public override string ToString() =>
        $"{Model.Describe()} n={Data.Count}{Environment.NewLine}  theta = [{Join(Theta)}]" +
        $"{Environment.NewLine}  x = [{Join(Data.X)}]{Environment.NewLine}  y = [{Join(Data.Y)}]";

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("R")));
}
