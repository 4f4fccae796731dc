using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Checks;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// The derivative battery (THEORY.md §1) on a fixed MLP and a fixed DAG with a skip connection: every check's
/// reference and engine value, rounded to 6 significant digits.
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
            return AllDerivativeChecks.Run(entry.Model, theta, data, 1, smooth: true).Select(r => new
            {
                Model = entry.Name,
                r.Check,
                Reference = Rounding.Six(r.Predicted),
                Engine = Rounding.Six(r.Measured),
                r.Pass,
            });
        }).ToList();
        Snapshot.Match(rows);
    }
}
