using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// Power (docs/theory.md §5): every derivative check must reject a model carrying a deliberate bug
/// (<see cref="PerturbedModel"/>), on every generated case where it accepts the unperturbed model.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = 20)]
public class PowerProperties
{
    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Gradient_check_rejects_dropped_bias_mlp(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.Gradient(Bug(c, Perturbation.DroppedBiasGradient), c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Gradient_check_rejects_dropped_bias_dag(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.Gradient(Bug(c, Perturbation.DroppedBiasGradient), c.Theta, c.Data));

    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Gradient_check_rejects_relative_1e5_error(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.Gradient(Bug(c, Perturbation.TinyGradientError), c.Theta, c.Data));

    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Reg_checks_reject_jacobian_inconsistent_with_reg(NetworkCase c)
    {
        var bug = Bug(c, Perturbation.DroppedBiasGradient);
        CheckAssert.Rejects(RegChecks.BruteForce(bug, c.Theta, c.Data));
    }

    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Hvp_check_rejects_curvature_shift(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.HessianVector(Bug(c, Perturbation.CurvatureShift), c.Theta, c.Data,
            HessianVectorProperties.Directions(c).V));

    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Hvp_check_rejects_curvature_shift_sensing(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.HessianVector(Bug(c, Perturbation.CurvatureShift), c.Theta, c.Data,
            HessianVectorProperties.Directions(c).V));

    [Property(Arbitrary = [typeof(QuadraticCases)])]
    public void Hvp_check_rejects_curvature_shift_quadratic(NetworkCase c) =>
        CheckAssert.Rejects(DerivativeChecks.HessianVector(Bug(c, Perturbation.CurvatureShift), c.Theta, c.Data,
            HessianVectorProperties.Directions(c).V));

    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public void Symmetry_check_rejects_asymmetric_hessian(NetworkCase c)
    {
        var (u, v) = HessianVectorProperties.Directions(c);
        CheckAssert.Rejects(DerivativeChecks.HessianSymmetry(Bug(c, Perturbation.AsymmetricHessian), c.Theta, c.Data, u, v));
    }

    [Property(Arbitrary = [typeof(MlpCases)])]
    public void Reg_checks_reject_doubled_reg(NetworkCase c)
    {
        var bug = Bug(c, Perturbation.DoubledReg);
        CheckAssert.Rejects(RegChecks.BruteForce(bug, c.Theta, c.Data));
        CheckAssert.Rejects(RegChecks.FiniteDifferences(bug, c.Theta, c.Data));
    }

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Reg_gradient_check_rejects_halved_gradient(NetworkCase c) =>
        CheckAssert.Rejects(RegChecks.Gradient(Bug(c, Perturbation.HalvedRegGradient), c.Theta, c.Data));

    /// <summary>Cases with <c>∇L ≈ 0</c> (a sign flip changes nothing, e.g. a saturated output) are discarded and counted.</summary>
    [Property(Arbitrary = [typeof(SmoothDagCases)])]
    public Property Loss_gradient_check_rejects_flipped_sign(NetworkCase c)
    {
        var gradient = new double[c.Theta.Length];
        c.Model.LossGradient(c.Theta, c.Data.X, c.Data.Y, gradient, c.Model.CreateWorkspace(c.Data.Count));
        return Prop.When(gradient.Max(Math.Abs) >= 1e-6,
            () => CheckAssert.Rejects(DerivativeChecks.LossGradient(Bug(c, Perturbation.FlippedLossGradient), c.Theta, c.Data)));
    }

    [Property(Arbitrary = [typeof(SmoothMlpCases)])]
    public void Battery_flags_every_bug(NetworkCase c)
    {
        foreach (var kind in Enum.GetValues<Perturbation>())
        {
            var results = AllDerivativeChecks.Run(Bug(c, kind), c.Theta, c.Data, seed: 1);
            if (results.All(r => r.Pass)) throw new CheckFailedException($"the battery accepted {kind} on {c.Model.Describe()}");
        }
    }

    /// <summary>The case's model with the bug; the dropped bias is that of the output neuron / last hidden unit 0.</summary>
    private static PerturbedModel Bug(NetworkCase c, Perturbation bug) => new(c.Model, bug, c.Model switch
    {
        Mlp mlp => mlp.BiasOffset(mlp.Depth - 1),
        DagNetwork dag => dag.BiasIndex(dag.Neurons.Count - 1),
        _ => 0,
    });
}
