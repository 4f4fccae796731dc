using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// Bad input throws <see cref="InvalidInputException"/> whose message names the field and the value (docs/design.md
/// "Engine conventions"): wrong sizes, NaN/∞ in θ, x or y, empty data, unknown activation names, DAG cycles, and
/// gradient or target spans shorter than the model and the batch need.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class BadInputProperties
{
    private static readonly double[] NonFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp_rejects_bad_theta_in_every_entry_point(NetworkCase c)
    {
        var ws = c.Model.CreateWorkspace(c.Data.Count);
        var x = c.Data.Row(0).ToArray();
        foreach (double bad in NonFinite)
        {
            int k = c.Theta.Length / 2;
            var theta = (double[])c.Theta.Clone();
            theta[k] = bad;
            Throws(() => c.Model.Value(theta, x, ws), $"theta[{k}]", Guard.Format(bad));
            Throws(() => c.Model.Gradient(theta, x, new double[theta.Length], ws), $"theta[{k}]", Guard.Format(bad));
            Throws(() => c.Model.Reg(theta, c.Data.X, ws), $"theta[{k}]", Guard.Format(bad));
        }
        var shorter = c.Theta[..^1];
        Throws(() => c.Model.Value(shorter, x, ws), "theta", $"{shorter.Length}");
    }

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Every_model_validates_theta(NetworkCase c) => ValidatesTheta(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_validates_theta(NetworkCase c) => ValidatesTheta(c);

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Quadratic_validates_theta(NetworkCase c) => ValidatesTheta(c);

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Quadratic_refuses_short_gradient_and_target_spans(NetworkCase c) => RefusesShortSpans(c);

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Every_model_refuses_short_gradient_and_target_spans(NetworkCase c) => RefusesShortSpans(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_refuses_short_gradient_and_target_spans(NetworkCase c) => RefusesShortSpans(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_batches_check_theta_and_every_row(NetworkCase c) =>
        BatchesCheckThetaAndRows(c, (row, column) => column);

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Quadratic_batches_check_theta_and_every_row(NetworkCase c) =>
        BatchesCheckThetaAndRows(c, (row, column) => row * c.Model.InputDimension + column);

    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Data_rejects_non_finite_inputs_and_labels_and_wrong_sizes(NetworkCase c)
    {
        var data = c.Data;
        int last = data.Count - 1, d = data.Dimension;
        foreach (double bad in NonFinite)
        {
            var x = (double[])data.X.Clone();
            x[last * d + d - 1] = bad;
            Throws(() => _ = new Dataset(x, data.Y, d), $"x[{last}][{d - 1}]", Guard.Format(bad));
            var y = (double[])data.Y.Clone();
            y[last] = bad;
            Throws(() => _ = new Dataset(data.X, y, d), $"y[{last}]", Guard.Format(bad));
        }
        Throws(() => _ = new Dataset(data.X[..^1], data.Y, d), "x", $"{data.X.Length - 1}");
        var wider = new Dataset(new double[data.Count * (d + 1)], data.Y, d + 1);
        Throws(() => c.Model.ValidateData(wider), "x", $"{d + 1}");
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        Throws(() => _ = new Dataset([], [], 1), "y", "empty");
        Throws(() => Dataset.FromRows([], []), "x", "empty");
    }

    [Theory]
    [InlineData("relu6")]
    [InlineData("")]
    [InlineData("tan h")]
    public void Unknown_activation_names_are_rejected(string name) =>
        Throws(() => Activation.Parse(name, "model.activations[1]"), "model.activations[1]", $"'{name}'");

    [Fact]
    public void Every_canonical_activation_name_parses_back() =>
        Assert.All(Activation.All, kind => Assert.Equal(kind, Activation.Parse(Activation.NameOf(kind))));

    [Fact]
    public void Dag_cycles_and_forward_references_are_rejected()
    {
        Throws(() => DagNetwork.FromEdges(1, [ActivationKind.Tanh, ActivationKind.Tanh, ActivationKind.Tanh],
            [(0, 1), (1, 2), (2, 1), (2, 3)]), "edges", "cycle");
        Throws(() => _ = new DagNetwork(1, [new DagNeuron(ActivationKind.Tanh, [0, 2]), new DagNeuron(ActivationKind.Tanh, [1])]),
            "neurons[0].sources", "2");
        Throws(() => _ = new DagNetwork(2, [new DagNeuron(ActivationKind.Tanh, [2])]), "neurons[0].sources", "2");
    }

    private static void ValidatesTheta(NetworkCase c)
    {
        foreach (double bad in NonFinite)
        {
            var theta = (double[])c.Theta.Clone();
            theta[^1] = bad;
            Throws(() => c.Model.ValidateTheta(theta), $"theta[{theta.Length - 1}]", Guard.Format(bad));
        }
        Throws(() => c.Model.ValidateTheta(c.Theta.AsSpan(..^1)), "theta", $"{c.Theta.Length - 1}");
    }

    /// <summary>
    /// The batch entry points refuse a gradient span shorter than p or targets shorter than the rows of x, by name,
    /// and write nothing past the short span (a sentinel after it survives) nor to θ.
    /// </summary>
    private static void RefusesShortSpans(NetworkCase c)
    {
        const double sentinel = 12345.678;
        int p = c.Model.ParameterCount, n = c.Data.Count;
        var ws = c.Model.CreateWorkspace(n);
        var theta = (double[])c.Theta.Clone();
        var gradient = new double[p];
        gradient[^1] = sentinel;
        Throws(() => c.Model.LossGradient(theta, c.Data.X, c.Data.Y, gradient.AsSpan(0, p - 1), ws), "gradient", $"{p - 1}");
        Throws(() => c.Model.LossGradientStep(theta, c.Data.X, c.Data.Y, 0.1, gradient.AsSpan(0, p - 1), ws), "gradient",
            $"{p - 1}");
        Throws(() => c.Model.RegGradient(theta, c.Data.X, gradient.AsSpan(0, p - 1), ws), "gradient", $"{p - 1}");
        Assert.Equal(sentinel, gradient[^1]);
        Throws(() => c.Model.LossGradient(theta, c.Data.X, c.Data.Y.AsSpan(0, n - 1), gradient, ws), "targets", $"{n - 1}");
        Throws(() => c.Model.LossGradientStep(theta, c.Data.X, c.Data.Y.AsSpan(0, n - 1), 0.1, gradient, ws), "targets",
            $"{n - 1}");
        Assert.Equal(c.Theta, theta);
    }

    /// <summary>
    /// The loss gradient, the pair of them and the step refuse a non-finite θ entry and a non-finite input in the last row
    /// of x (not built through <see cref="Dataset"/>), naming the entry as <paramref name="inputIndex"/> of (row, column)
    /// says: matrix sensing checks θ and the rows once a batch, naming the index within the row as its per-row
    /// <see cref="Model.Gradient"/> does.
    /// </summary>
    private static void BatchesCheckThetaAndRows(NetworkCase c, Func<int, int, int> inputIndex)
    {
        int p = c.Model.ParameterCount, n = c.Data.Count, d = c.Model.InputDimension;
        var ws = c.Model.CreateWorkspace(n);
        double[] gradient = new double[p], pairGradient = new double[p];
        var pairTargets = c.Data.Y.Select(y => y + 0.5).ToArray();
        foreach (double bad in NonFinite)
        {
            var theta = (double[])c.Theta.Clone();
            theta[p / 2] = bad;
            Throws(() => c.Model.LossGradient(theta, c.Data.X, c.Data.Y, gradient, ws), $"theta[{p / 2}]", Guard.Format(bad));
            Throws(() => c.Model.LossGradients(theta, c.Data.X, c.Data.Y, pairTargets, gradient, pairGradient, ws),
                $"theta[{p / 2}]", Guard.Format(bad));
            var x = (double[])c.Data.X.Clone();
            x[(n - 1) * d + d / 2] = bad;
            string field = $"x[{inputIndex(n - 1, d / 2)}]";
            Throws(() => c.Model.LossGradient(c.Theta, x, c.Data.Y, gradient, ws), field, Guard.Format(bad));
            Throws(() => c.Model.LossGradients(c.Theta, x, c.Data.Y, pairTargets, gradient, pairGradient, ws), field,
                Guard.Format(bad));
            Throws(() => c.Model.LossGradientStep((double[])c.Theta.Clone(), x, c.Data.Y, 0.1, gradient, ws), field,
                Guard.Format(bad));
        }
    }

    private static void Throws(Action action, string field, string value)
    {
        var e = Assert.Throws<InvalidInputException>(action);
        Assert.Contains(field, e.Message);
        Assert.Contains(value, e.Message);
    }
}
