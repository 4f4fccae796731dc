using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The six model families every first-derivative engine check runs on (docs/theory.md §1): MLPs with every activation,
/// DAGs with skip connections, matrix sensing, the quadratic model (docs/theory.md §7), the paper's 1-D ReLU network
/// and its two-layer sigmoid network. A
/// check derives from this class and states its assertion once in <see cref="Check"/>; the family × check grid is
/// written here only.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public abstract class ModelFamilyProperties
{
    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Dag(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Quadratic(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(Relu1DCases)])]
    public void Relu_1d(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Two_layer_sigmoid(NetworkCase c) => Check(c);

    /// <summary>The check's assertion on one generated case.</summary>
    protected abstract void Check(NetworkCase c);
}
