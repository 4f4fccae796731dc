using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// docs/theory.md §3 "Controls": σ = 0 leaves θ* fixed and shows only the predicted finite relaxation, never the
/// label-noise drift; isotropic parameter noise moves diffusively along M (E||PΔ||² = Kτ²(p − n)) and drifts by the
/// second-order effect of its own normal covariance. Error budget: as the drift checks (z·SE + stated bias).
/// </summary>
public sealed class ControlTests
{
    private static readonly RunPlan Plan = RunPlan.Antithetic(500, 1000, 0, Cases.Seed);

    [Fact]
    public void Plain_gradient_descent_shows_no_label_noise_drift()
    {
        var results = ControlChecks.PlainGradientDescent(Cases.Tanh, Plan);
        Verdicts.AllPass(results);
        Verdicts.ObeyTheRule(results);
        var relaxation = results.Single(r => r.Check == "control_sigma0_relaxation_along");
        Verdicts.Rejected(relaxation, 2 * relaxation.Predicted, "relaxation × 2");
        Verdicts.Rejected(relaxation, -relaxation.Predicted, "relaxation sign flipped");
        var noDrift = results.Single(r => r.Check == "control_sigma0_no_label_noise_drift");
        double labelNoise = System.Numerics.Tensors.TensorPrimitives.Norm(TangentDrift.At(Cases.Tanh.Model, Cases.Tanh.Theta, Cases.Tanh.Data, Cases.Tanh.Sgd).Exact);
        Verdicts.Rejected(noDrift, labelNoise, "the label-noise drift at σ = 0");
    }

    [Fact]
    public void Isotropic_noise_is_diffusive_along_the_manifold()
    {
        var results = ControlChecks.IsotropicParameterNoise(Cases.Dag, Plan);
        Verdicts.AllPass(results);
        var diffusion = results.Single(r => r.Check == "control_isotropic_diffusion");
        Verdicts.Rejected(diffusion, 2 * diffusion.Predicted, "diffusion × 2");
        Verdicts.Rejected(diffusion, diffusion.Predicted / 2, "diffusion ÷ 2");
    }
}
