using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The engine names the offending field by its own bare name (<c>x[1][0]</c>, <c>hidden</c>, <c>eta</c>), never by a
/// spec path: the CLI places it under <c>data.</c>, <c>model.</c> or <c>sgd.</c> in one place (docs/design.md
/// "Spec file"), which <c>SpecPathTests</c> checks.
/// </summary>
public class EngineFieldNameTests
{
    public static TheoryData<string, Action> Cases => new()
    {
        { "x[1][0]", () => _ = new Dataset([0, 0, double.NaN, 0], [1, 2], 2) },
        { "y[1]", () => _ = new Dataset([0, 1], [1, double.PositiveInfinity], 1) },
        { "x", () => _ = new Dataset([0, 1, 2], [1, 2], 2) },
        { "y", () => _ = new Dataset([], [], 1) },
        { "x[1]", () => Dataset.FromRows([[0, 1], [2]], [1, 2]) },
        { "input", () => _ = new Mlp(0, [2], [ActivationKind.Tanh]) },
        { "hidden", () => _ = new Mlp(1, [], []) },
        { "hidden[1]", () => _ = new Mlp(1, [2, 0], [ActivationKind.Tanh, ActivationKind.Tanh]) },
        { "hidden", () => _ = new Mlp(1, [1 << 20, 1 << 20], [ActivationKind.Tanh, ActivationKind.Tanh]) },
        { "activations", () => _ = new Mlp(1, [2], [ActivationKind.Tanh, ActivationKind.Tanh]) },
        { "neurons[0].sources[0]", () => _ = new DagNetwork(1, [new DagNeuron(ActivationKind.Tanh, [1])]) },
        { "d", () => _ = new MatrixSensing(50_000, 1) },
        { "k", () => _ = new MatrixSensing(2, 0) },
        { "eta", () => new SgdProblem(-1, 0.1, 1).Validate(1) },
        { "sigma", () => new SgdProblem(0.1, -1, 1).Validate(1) },
        { "batch", () => new SgdProblem(0.1, 0.1, 2).Validate(1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_engine_names_its_own_field(string field, Action action)
    {
        var e = Assert.Throws<InvalidInputException>(action);
        Assert.Equal(field, e.Field);
    }
}
