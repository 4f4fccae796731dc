using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The matrix-sensing claim (docs/theory.md §4.1): label noise drives <c>UUᵀ</c> to the ground truth X*, while plain GD
/// stays at the interpolant it stopped at. From a GD start, the label-noise chains' projected test error
/// <c>‖UUᵀ − X*‖_F/‖X*‖_F</c>, trace and reg are judged against the slow flow at the horizon; the σ = 0 control is
/// judged against "no motion" (the start's values). The isotropic control is reported as figures.
/// </summary>
public static class MatrixSensingExperiment
{
    /// <summary>The case name in verdict rows.</summary>
    public const string CaseName = "matrix_sensing d=8 k=8 r=1 n=16";


    /// <summary>The number of measurements n.</summary>
    private const int Size = 16;

    /// <summary>The standard deviation of the entries of U₀ (N(0, 1/16)).</summary>
    public const double InitScale = 0.25;

    /// <summary>The plan: η = 0.02, σ = 1, full batch; 8 chains and K = 40,000 (t = 0.8); quick: 6 chains, K = 12,000 (t = 0.24).</summary>
    public static ExperimentPlan Plan(bool quick, ulong seed) => quick
        ? ExperimentPlan.FullBatch(0.02, Size, 6, 12_000, 14, 100_000, 0.02, seed)
        : ExperimentPlan.FullBatch(0.02, Size, 8, 40_000, 20, 100_000, 0.02, seed);

    /// <summary>Runs the experiment (docs/theory.md §4.1).</summary>
    public static MatrixSensingReproduction Run(ExperimentPlan plan, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        const int d = 8, rank = 1; const int n = Size;
        var truth = MatrixSensingProblem.Draw(d, rank, n, plan.Run.Seed);
        const int k = d;
        var model = new MatrixSensing(d, k);
        var init = RandomStreams.MatrixSensingStart(plan.Run.Seed);
        var start = ManifoldStart.ByDescent(model, truth.Data,
            attempt => [.. Enumerable.Range(0, d * k).Select(j => InitScale * CounterRandom.Gaussian(init, attempt, 0, j))], plan.StartSteps, plan.Sgd.Eta);
        var observables = new ProjectedObservable[]
        {
            new("test_error", t => TestError(truth, t)),
            new("trace", t => new MatrixSensingSetting(d, k, t, truth.Data).Trace),
            ProjectedObservable.Reg(model, truth.Data),
        };
        var runs = RunSet.Simulate(model, truth.Data, start, plan, observables, progress);
        var flow = FlowComparison.For(runs);
        string detail = $"projected label-noise iterate at k = {plan.Run.Steps} vs the slow flow at t = {runs.Duration:G3}; {plan.Run.Chains} chains";
        var verdicts = new List<CheckResult>
        {
            flow.Judge("ms_test_error_vs_flow", CaseName, "test_error", "‖UUᵀ − X*‖_F/‖X*‖_F, " + detail),
            flow.JudgeSteepest("ms_test_error_vs_flow_mid", CaseName, "test_error", "‖UUᵀ − X*‖_F/‖X*‖_F of the projected label-noise iterate vs the slow flow"),
            flow.Judge("ms_trace_vs_flow", CaseName, "trace", "tr(UUᵀ), " + detail),
            flow.Judge("ms_reg_vs_flow", CaseName, "reg", "reg, " + detail),
            PlainGdControl.Judge("ms_gd_test_error_fixed", runs, "test_error") with { Case = CaseName },
        };
        var power = flow.Power("ms_test_error_vs_flow", CaseName, "test_error").ToList();
        var iso = runs.Final(RunKind.IsotropicNoise, "test_error");
        var figures = new List<KeyValuePair<string, string>>
        {
            new("flow-comparison relative bias 2|ρ − 1| + 0.25", $"{flow.Relative:G3}"),
            new("GD steps to M, projection distance, initialisations rejected (GD limit not a regular point of M)", $"{start.DescentSteps}, {start.ProjectionDistance:G3}, {start.Rejected}"),
            new("GD start: test error, tr(UUᵀ), tr(X*)", $"{TestError(truth, start.Theta):G3}, {new MatrixSensingSetting(d, k, start.Theta, truth.Data).Trace:G3}, 1"),
            new("label noise at K: test error ± SE", $"{runs.LabelNoise.Final("test_error").Mean:G3} ± {runs.LabelNoise.Final("test_error").StdErr:G2}"),
            new("isotropic control at K: test error ± SE", $"{iso.Mean:G3} ± {iso.StdErr:G2} (τ = {runs.Tau:G3})"),
            new("slow flow at T: test error", $"{flow.Predicted("test_error"):G3}"),
        };
        return new MatrixSensingReproduction(runs, truth, verdicts, power, figures);
    }

    /// <summary>The relative test error <c>‖UUᵀ − X*‖_F / ‖X*‖_F</c> of θ = U (docs/theory.md §4.1).</summary>
    public static double TestError(MatrixSensingProblem problem, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int d = problem.Size;
        var setting = new MatrixSensingSetting(d, theta.Length / d, theta, problem.Data);
        return setting.GroundTruthError(problem.GroundTruth) / Math.Sqrt(problem.GroundTruth.Sum(v => v * v));
    }

}

/// <summary>The matrix-sensing reproduction with its ground truth (docs/theory.md §4.1).</summary>
public sealed record MatrixSensingReproduction(RunSet Runs, MatrixSensingProblem Truth, IReadOnlyList<CheckResult> Verdicts,
    IReadOnlyList<PowerResult> Power, IReadOnlyList<KeyValuePair<string, string>> Figures)
    : Reproduction("matrix-sensing", "label noise drives matrix sensing to the ground truth", Runs, Verdicts, Power, Figures)
{
    /// <inheritdoc/>
    public override string Sentence
    {
        get
        {
            var start = Runs.LabelNoise.Initial("test_error").Mean;
            var ln = Runs.LabelNoise.Final("test_error");
            var gd = Runs.Final(RunKind.PlainGd, "test_error").Mean;
            return $"Label noise cut the test error of the projected iterate from {start:G3} to {ln.Mean:G3} ± {ln.StdErr:G2} " +
                   $"in {Runs.Plan.Run.Steps:N0} steps (slow flow: {Runs.Flow.At("test_error", Runs.Duration):G3}); plain GD stayed at {gd:G3}.";
        }
    }
}
