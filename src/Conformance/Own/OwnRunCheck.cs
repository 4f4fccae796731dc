using NoiseDrift.Conformance.Run;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;
using Vec = NoiseDrift.Theory.Geometry.Vectors;

namespace NoiseDrift.Conformance.Own;

/// <summary>
/// The theory battery on an implementation's own model (docs/conformance.md, section 3): from
/// the program's J at θ* the suite builds the normal frame, and with its HVPs the exact-S transient OU covariance
/// <c>S_K</c> and the K-step tangent drift (docs/theory.md §2–§3, <see cref="RunPrediction"/>); the program's own
/// label-noise <c>run</c> from θ* is judged against them by <see cref="RunJudge"/> (variance along each eigenvector,
/// trace, drift), plus the first-order change of reg along M, <c>P∇reg · (θ_K − θ*)</c>, against
/// <c>∇reg · d_K</c> (docs/theory.md §3, "Regularizer"; negative: the drift lowers reg). η and σ are set as for certify's
/// run cases, <c>λ_max(S) = </c><see cref="RunCase.OuScale"/> so the stated remainder stays at 0.1%, with the step
/// chosen by <see cref="Plan"/> for power. The power against each wrong step rule (<see cref="RunPower"/>) uses the
/// judge's own rows.
/// </summary>
public static class OwnRunCheck
{
    /// <summary>K, as for certify's run cases.</summary>
    public const int Steps = 30;

    /// <summary>
    /// The step sizes tried, as <c>η λ_max</c>: certify's 0.7 first, then smaller ones. The first whose run rows reject
    /// every wrong step rule with probability ≥ 1 − 1e-6 is used (a doubled step, the missing ½, can make the chains
    /// so heavy-tailed at 0.7 that the variance rows lose their power; a smaller step keeps it stable).
    /// </summary>
    public static IReadOnlyList<double> EtaLambdaMax { get; } = [0.7, 0.65, 0.6, 0.55, 0.5, 0.4, 0.3];

    /// <summary>The largest n whose power is computed: the exact fourth moments cost about <c>C(n,B)·K·n⁵</c>.</summary>
    public const int PowerLimit = 12;

    /// <summary>
    /// The largest chains × p the plan asks the program to hold (2^27 doubles, 1 GiB of final θ): more chains buy power
    /// only up to this size.
    /// </summary>
    public const double MaxThetaDoubles = 1 << 27;

    private static readonly int[] ChainFactors = [1, 2, 4, 8, 16];

    /// <summary>The batch size: 2 of n (minibatches are needed to see the batch rules), or n when n ≤ 2.</summary>
    public static int Batch(int n) => n <= 2 ? n : 2;

    /// <summary>The judged rows and the power of the covariance rows (empty above <see cref="PowerLimit"/>).</summary>
    public static (IReadOnlyList<CheckResult> Rows, IReadOnlyList<RunPower> Power) Run(OwnClient client, int chains, long seed)
    {
        ArgumentNullException.ThrowIfNull(client);
        var model = client.Model;
        var theta = model.Theta;
        int n = model.Count, p = model.ParameterCount;
        var (_, jacobian) = client.Jacobian(theta);
        var frame = NormalFrame.FromJacobian(jacobian, n, p);
        var (sgd, planned, predicted, power) = Plan(frame, chains,
            (i, direction, product) => client.Hvp(theta, direction)[i].CopyTo(product, 0));
        var (_, gradReg) = client.GradReg(theta);
        var tangentGradient = frame.ProjectTangent(gradReg);
        double tangentNorm = Vec.Norm(tangentGradient);
        var drift = RunJudge.DriftDirection(predicted);
        var directions = Enumerable.Range(0, n).Select(k => frame.BasisVector(k).ToArray())
            .Append(drift)
            .Append(tangentGradient.Select(v => v / tangentNorm).ToArray())
            .ToArray();
        var projections = client.Run(theta, sgd, Steps, planned, seed, directions);
        var coordinates = projections.Select(r => r[..n]).ToArray();
        var along = projections.Select(r => r[n]).ToArray();
        string name = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{model.Case} B={sgd.Batch} K={Steps} C={planned} eta*lmax={sgd.Eta * frame.LargestHessianEigenvalue:0.##}");
        var rows = RunJudge.Rows(name, predicted, coordinates, along).ToList();
        var change = MeanEstimate.Of(projections.Select(r => r[n + 1] * tangentNorm).ToArray());
        double predictedChange = Vec.Dot(gradReg, predicted.Displacement);
        rows.Add(RunJudge.Row("run:reg_decrease", name, predictedChange, change.Mean, change.StdErr, predicted.RelativeBias,
            detail: "first-order change of reg along M, P grad reg . (theta_K - theta*), vs grad reg . d_K (docs/theory.md §3)"));
        return (rows, power);
    }

    /// <summary>
    /// The run plan: the first step size of <see cref="EtaLambdaMax"/> with enough power against every wrong rule at
    /// <paramref name="chains"/> chains, else at 2, 4, 8 and 16 times as many while the chains' final θ fit in
    /// <see cref="MaxThetaDoubles"/> (or, if none has, the plan whose weakest margin is largest), its prediction and its
    /// power. Above <see cref="PowerLimit"/> the power is not computed and the first step size is used.
    /// </summary>
    public static RunPlan Plan(NormalFrame frame, int chains, Action<int, double[], double[]> hessianVector)
    {
        ArgumentNullException.ThrowIfNull(frame);
        (SgdProblem Sgd, int Chains, IReadOnlyList<RunPower> Power)? chosen = null, best = null;
        if (frame.Count > PowerLimit) chosen = (Problem(frame, EtaLambdaMax[0]), chains, []);
        var factors = ChainFactors
            .Where(f => f == 1 || (double)chains * f * frame.ParameterCount <= MaxThetaDoubles);
        foreach (int factor in factors)
        {
            foreach (double etaLambdaMax in EtaLambdaMax)
            {
                if (chosen is not null) break;
                var sgd = Problem(frame, etaLambdaMax);
                var covariance = RunPrediction.CovarianceOnly(frame, sgd, Steps, StepRule.Correct);
                var power = RunPower.Against(frame, sgd, Steps, chains * factor, covariance);
                if (power.All(r => r.Margin >= RunPower.RequiredMargin)) chosen = (sgd, chains * factor, power);
                else if (best is null || power.Min(r => r.Margin) > best.Value.Power.Min(r => r.Margin)) best = (sgd, chains * factor, power);
            }
        }
        var plan = chosen ?? best!.Value;
        var predicted = RunPrediction.Of(frame, plan.Sgd, Steps, StepRule.Correct, hessianVector);
        return new RunPlan(plan.Sgd, plan.Chains, predicted, plan.Power);
    }

    /// <summary>
    /// <c>η = etaLambdaMax/λ_max(G)</c>, B from <see cref="Batch"/>, σ scaling the stationary S to
    /// <see cref="RunCase.OuScale"/>.
    /// </summary>
    public static SgdProblem Problem(NormalFrame frame, double etaLambdaMax)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var unit = new SgdProblem(etaLambdaMax / frame.LargestHessianEigenvalue, 1, Batch(frame.Count));
        var s = StationaryCovariance.Exact(frame, unit);
        return unit with { Sigma = Math.Sqrt(RunCase.OuScale / s.Eigenvalues[^1]) };
    }
}
