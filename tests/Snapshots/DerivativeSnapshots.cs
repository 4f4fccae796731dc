using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Checks;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// The derivative battery (docs/theory.md §1) on a fixed MLP and a fixed DAG with a skip connection: every check's
/// reference and engine value, rounded to 6 significant digits (for a scalar check; a vector check records its
/// component count and verdict).
/// </summary>
public sealed class DerivativeSnapshots
{
    [Fact]
    public void Fixed_networks_derivative_battery()
    {
        var mlp = new Mlp(2, [3, 2], [ActivationKind.Tanh, ActivationKind.Softplus]);
        var dag = new DagNetwork(2, [new DagNeuron(ActivationKind.Sin, [0, 1]), new DagNeuron(ActivationKind.Identity, [0, 2])]);
        var rows = new[] { (Model: (Model)mlp, Name: "mlp"), (Model: dag, Name: "dag") }.SelectMany(entry =>
        {
            var theta = Enumerable.Range(0, entry.Model.ParameterCount).Select(k => Math.Sin(1.7 * k + 0.3)).ToArray();
            var data = new Dataset([0.3, -0.8, 1.1, 0.4, -0.5, 0.9], [0.2, -0.1, 0.4], 2);
            return AllDerivativeChecks.Run(entry.Model, theta, data, 1, smooth: true).Select(r =>
            {
                int components = Components(r.Detail);
                return new
                {
                    Model = entry.Name,
                    r.Check,
                    Components = components,
                    Reference = components == 1 ? Rounding.Six(r.Predicted) : null,
                    Engine = components == 1 ? Rounding.Six(r.Measured) : null,
                    r.Pass,
                };
            });
        }).ToList();
        Snapshot.Match(rows);
    }

    /// <summary>
    /// The number of components a check compared (<c>worst of N components</c> in its detail; 1 otherwise). A vector
    /// check reports its worst component, chosen by errors at the rounding level, which differ between CPU types
    /// (AVX2 or not): its values are left out so the snapshot is the same on every x64 machine.
    /// </summary>
    private static int Components(string detail)
    {
        var match = System.Text.RegularExpressions.Regex.Match(detail, @"worst of (\d+) components");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
    }
}
