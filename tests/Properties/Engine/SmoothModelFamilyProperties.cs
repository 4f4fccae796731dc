using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The smooth model families every second-derivative engine check runs on (docs/theory.md §1): MLPs and DAGs with smooth
/// activations only (for a kink the Hessian is not continuous), matrix sensing, the quadratic model (docs/theory.md §7)
/// and the two-layer sigmoid network. A
/// check derives from this class and states its assertion once in <see cref="Check"/>.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public abstract class SmoothModelFamilyProperties
{
    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Smooth_mlp(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Smooth_dag(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Quadratic(NetworkCase c) => Check(c);

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Two_layer_sigmoid(NetworkCase c) => Check(c);

    /// <summary>The check's assertion on one generated case.</summary>
    protected abstract void Check(NetworkCase c);
}
