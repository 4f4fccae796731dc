using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The controls of docs/theory.md §3, which must not show the label-noise drift:
/// <list type="bullet">
/// <item>σ = 0 (plain GD): from θ* nothing moves; from the stationary start the tangent motion is the predicted
/// finite relaxation (<see cref="PlainGdRelaxation"/>), also along the label-noise direction, where the label-noise
/// drift would stand many tolerances away (<see cref="RejectedEffectVerdict"/>);</item>
/// <item>isotropic parameter noise of matching normal variance: the label-noise drift is rejected.</item>
/// </list>
/// Error budget: as <see cref="DriftVerdict"/>, z·SE plus the fourth-order remainder of the start's covariance
/// (<see cref="OffsetCorrection.FourthOrder(TheoryCase, Ou.OuCovariance)"/>, docs/theory.md §3.5).
/// </summary>
public static class ControlChecks
{
    /// <summary>σ = 0: the fixed point, the relaxation prediction, and the absence of the label-noise drift.</summary>
    public static IReadOnlyList<CheckResult> PlainGradientDescent(TheoryCase @case, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var labelNoise = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var plain = @case.WithSgd(@case.Sgd with { Sigma = 0 });
        var results = new List<CheckResult> { Explained(FixedPoint(plain, plan), FixedPointRulesOut) };
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0 }, labelNoise.Covariance);
        var measured = DriftMeasurement.RaoBlackwell(experiment);
        double bias = OffsetCorrection.FourthOrder(@case, labelNoise.Covariance);
        var relaxation = PlainGdRelaxation.PerStepDrift(plain, labelNoise.Covariance, plan.Steps);
        results.AddRange(DriftVerdict.Judge("control_sigma0_relaxation", @case.Name, measured, relaxation, bias)
            .Select(r => Explained(r, RelaxationRulesOut)));
        results.Add(Explained(RejectedEffectVerdict.Judge("control_sigma0_no_label_noise_drift", @case.Name, measured, relaxation,
            labelNoise.Exact, bias, "the label-noise drift"), NoDriftRulesOut));
        return results;
    }

    /// <summary>
    /// Isotropic noise θ += τξ after each plain-GD step, τ matching the label-noise normal variance (docs/theory.md §3):
    /// the motion along M is diffusive, <c>E||P(θ_K − θ_0)||² = K τ² (p − n)</c> to leading order, and the mean
    /// step is the second-order drift of the isotropic normal covariance, not the label-noise drift.
    /// </summary>
    public static IReadOnlyList<CheckResult> IsotropicParameterNoise(TheoryCase @case, RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var labelNoise = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var plain = @case.WithSgd(@case.Sgd with { Sigma = 0 });
        double tau = IsotropicNoise.MatchingScale(plain, labelNoise.Covariance);
        var isotropic = IsotropicNoise.Stationary(plain, tau);
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0 }, isotropic, parameterNoise: tau);
        double bias = OffsetCorrection.FourthOrder(@case, isotropic);
        var ownDrift = TangentDrift.Exact(plain.Model, plain.Theta, plain.Data, plain.Frame, isotropic, plain.Sgd.Eta);
        var results = new List<CheckResult> { Explained(Diffusion(experiment, tau, ownDrift, bias), DiffusionRulesOut) };
        results.AddRange(DriftVerdict.Judge("control_isotropic_drift", @case.Name, DriftMeasurement.RaoBlackwell(experiment), ownDrift,
            bias + WanderBias(@case, plan, tau)).Select(r => Explained(r, IsotropicDriftRulesOut)));
        return results;
    }

    private const string FixedPointRulesOut =
        "Rules out motion without noise: an SGD step that moves a point of M (a wrong gradient or a stray term).";

    private const string RelaxationRulesOut =
        "Rules out a drift made by the step itself: without label noise the start's normal offset only relaxes, " +
        "and its tangent trace is the predicted finite relaxation.";

    private const string NoDriftRulesOut =
        "Rules out that the label-noise drift is an artefact of the start or of the estimator: the same chains without " +
        "noise stand where the relaxation predicts, far from it.";

    private const string DiffusionRulesOut =
        "Rules out directed motion from parameter noise: isotropic noise spreads θ along M at the rate τ²(p − n).";

    private const string IsotropicDriftRulesOut =
        "The drift is set by the normal covariance alone (docs/theory.md §3): isotropic noise of matching normal variance " +
        "drifts by its own −(η/2)P∇tr(H S_iso). It rules out an engine that adds the label-noise drift whatever the " +
        "noise; it comes near the label-noise drift when S_iso and S have a similar shape, and equals it when n = 1.";

    private static CheckResult Explained(CheckResult row, string rulesOut) =>
        row with { Detail = string.IsNullOrEmpty(row.Detail) ? rulesOut : $"{row.Detail}. {rulesOut}" };

    /// <summary>
    /// The base point wanders along M by about <c>τ √(K (p − n))</c>; to first order the drift changes by that distance
    /// times <c>||∇d|| / |d|</c> (the relative rate of <see cref="KStepDisplacement"/>). The mean effect of a symmetric
    /// walk is second order, so this first-order figure is a conservative stated bias.
    /// </summary>
    private static double WanderBias(TheoryCase @case, RunPlan plan, double tau)
    {
        var oneStep = KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, 1);
        double size = Geometry.RegularizerValue.Norm(oneStep.Exact);
        if (size == 0) return 0;
        double distance = tau * Math.Sqrt(plan.Steps * (double)(@case.Model.ParameterCount - @case.Count));
        return distance * oneStep.DriftDerivativeNorm / size;
    }

    private static CheckResult Diffusion(ChainExperiment experiment, double tau, double[] ownDrift, double relativeBias)
    {
        var @case = experiment.Case;
        int steps = experiment.Plan.Steps, p = @case.Model.ParameterCount, n = @case.Count;
        var perPair = new double[experiment.Plan.Pairs];
        for (int j = 0; j < perPair.Length; j++)
        {
            double sum = 0;
            for (int member = 0; member < 2; member++)
            {
                int c = 2 * j + member;
                var moved = experiment.Result.FinalStates[c].Select((v, k) => v - experiment.Starts[c][k]).ToArray();
                sum += Vectors.Dot(@case.Frame.ProjectTangent(moved), moved);
            }
            perPair[j] = sum / (2.0 * steps);
        }
        var estimate = Statistics.MeanEstimate.Of(perPair);
        double predicted = tau * tau * (p - n);
        double driftShare = steps * Vectors.Dot(ownDrift, ownDrift);
        return SuiteBudget.Budget.Judge("control_isotropic_diffusion", @case.Name, predicted, estimate,
            relativeBias * predicted + driftShare,
            $"E||P(θ_K − θ_0)||²/K against τ²(p − n), τ = {tau:G3}: diffusive motion along M; {experiment.Plan.Pairs} pairs × {steps} steps");
    }

    private static CheckResult FixedPoint(TheoryCase plain, RunPlan plan)
    {
        var experiment = ChainExperiment.Run(plain, plan with { SampleEvery = 0, Chains = 4 }, fromCenter: true);
        double worst = experiment.Result.FinalStates
            .Max(theta => RegularizerValue.Norm(theta.Select((v, k) => v - plain.Theta[k]).ToArray()));
        double tolerance = 1e-9 * (1 + RegularizerValue.Norm(plain.Theta));
        return VerdictRule.Exact("control_sigma0_fixed_point", plain.Name, 0, worst, tolerance,
            $"max ||θ_K − θ*|| over chains after {plan.Steps} plain-GD steps from θ* ∈ M (rounding only)");
    }
}
