using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Verification;

/// <summary>
/// The controls of THEORY.md §3, which must not show the label-noise drift:
/// <list type="bullet">
/// <item>σ = 0 (plain GD): from θ* nothing moves; from the stationary start the tangent motion is the predicted
/// finite relaxation (<see cref="PlainGdRelaxation"/>), and the label-noise drift is rejected;</item>
/// <item>isotropic parameter noise of matching normal variance: the label-noise drift is rejected.</item>
/// </list>
/// Error budget: as <see cref="DriftVerdict"/> (z·SE plus the stated remainder).
/// </summary>
public static class ControlChecks
{
    /// <summary>σ = 0: the fixed point, the relaxation prediction, and the absence of the label-noise drift.</summary>
    public static IReadOnlyList<CheckResult> PlainGradientDescent(TheoryCase @case, SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var labelNoise = PredictedDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var plain = @case.WithSgd(@case.Sgd with { Sigma = 0 });
        var results = new List<CheckResult> { FixedPoint(plain, plan) };
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0 }, labelNoise.Covariance);
        var measured = DriftMeasurement.RaoBlackwell(experiment);
        double bias = SuiteBudget.RemainderBound(labelNoise.Covariance);
        var relaxation = PlainGdRelaxation.PerStepDrift(plain, labelNoise.Covariance, plan.Steps);
        results.AddRange(DriftVerdict.Judge("control_sigma0_relaxation", @case.Name, measured, relaxation, bias));
        var against = DriftVerdict.Judge("control_sigma0", @case.Name, measured, labelNoise.Exact, bias)[0];
        results.Add(AbsenceVerdict.Of("control_sigma0_no_label_noise_drift", against, "the label-noise drift"));
        return results;
    }

    /// <summary>Isotropic noise θ += τξ with τ matching the label-noise normal variance: the label-noise drift is absent.</summary>
    public static IReadOnlyList<CheckResult> IsotropicParameterNoise(TheoryCase @case, SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var labelNoise = PredictedDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var plain = @case.WithSgd(@case.Sgd with { Sigma = 0 });
        double tau = IsotropicNoise.MatchingScale(plain, labelNoise.Covariance);
        var isotropic = IsotropicNoise.Stationary(plain, tau);
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0 }, isotropic, parameterNoise: tau);
        var measured = DriftMeasurement.RaoBlackwell(experiment);
        double bias = SuiteBudget.RemainderBound(labelNoise.Covariance);
        var against = DriftVerdict.Judge("control_isotropic", @case.Name, measured, labelNoise.Exact, bias)[0];
        return [AbsenceVerdict.Of("control_isotropic_no_label_noise_drift", against, "the label-noise drift")];
    }

    private static CheckResult FixedPoint(TheoryCase plain, SimulationPlan plan)
    {
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0, Pairs = 2 }, fromCenter: true);
        double worst = experiment.Result.FinalStates
            .Max(theta => RegularizerValue.Norm(theta.Select((v, k) => v - plain.Theta[k]).ToArray()));
        double tolerance = 1e-9 * (1 + RegularizerValue.Norm(plain.Theta));
        return new CheckResult("control_sigma0_fixed_point", plain.Name, 0, worst, 0, tolerance, worst <= tolerance,
            $"max ||θ_K − θ*|| over chains after {plan.Steps} plain-GD steps from θ* ∈ M (rounding only)");
    }
}
