using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>g_i = ∇_θ h(x_i; θ)</c> equals coordinate-wise central differences of h within the derived bound
/// (THEORY.md §1; tolerance from <see cref="FiniteDifference"/>), for every model family.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class GradientProperties
{
    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp_all_activations(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Dag_with_skip_connections(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(Relu1DCases)])]
    public void Relu_1d(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Two_layer_sigmoid(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));
}
