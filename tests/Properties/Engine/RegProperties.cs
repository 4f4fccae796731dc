using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>reg = (1/n)||J||_F²</c> equals the brute-force value from the explicit J and the value from finite-difference
/// gradients; <c>∇reg = (2/n) Σ H_i g_i</c> equals central differences of reg (THEORY.md §1). ∇reg is checked on
/// smooth activations and on the 1-D ReLU network away from its kinks.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class RegProperties
{
    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Mlp_reg_matches_explicit_jacobian(NetworkCase c) => CheckAssert.Passes(RegChecks.BruteForce(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Dag_reg_matches_explicit_jacobian(NetworkCase c) => CheckAssert.Passes(RegChecks.BruteForce(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(MlpCases)], MaxTest = PropertyConfig.FewCases)]
    public void Mlp_reg_matches_fd_gradients(NetworkCase c) => CheckAssert.Passes(RegChecks.FiniteDifferences(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(DagCases)])]
    public void Dag_reg_matches_fd_gradients(NetworkCase c) => CheckAssert.Passes(RegChecks.FiniteDifferences(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_reg_matches_fd_gradients(NetworkCase c) => CheckAssert.Passes(RegChecks.FiniteDifferences(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SmoothMlpCases)], MaxTest = PropertyConfig.FewCases)]
    public void Mlp_reg_gradient_matches_fd(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Dag_reg_gradient_matches_fd(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_reg_gradient_matches_fd(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(Relu1DCases)])]
    public void Relu_1d_reg_gradient_matches_fd(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Sigmoid_reg_gradient_matches_fd(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));
}
