using System.Diagnostics;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Bench;

/// <summary>
/// "Time to verdict" (docs/theory.md §3 and §5): the seconds the Rao–Blackwell drift check needs to pin the workload's
/// per-step drift along <c>d/|d|</c> to a relative half-width <c>z · SE/|d| ≤ 10%</c> at the suite's false-alarm
/// rate, and to pass <c>drift_dynamic_along</c>. The workload's θ becomes a point of M by taking its own outputs as
/// labels; <c>η λ_max = 0.2</c>, full batch, <c>λ_max(S) = 1e-5</c>. Steps are fixed at
/// <see cref="RelaxationTimes"/> × <c>1/(η λ_min)</c>; antithetic pairs double from <see cref="MinimumPairs"/> until
/// the half-width is reached or <see cref="MaximumPairs"/> is exceeded.
/// </summary>
public static class TimeToVerdict
{
    /// <summary>The target relative half-width.</summary>
    public const double Target = 0.10;

    /// <summary>The fewest antithetic pairs whose spread is trusted as a standard error.</summary>
    public const int MinimumPairs = 16;

    /// <summary>The search gives up (reporting <c>reached: false</c>) beyond this many pairs.</summary>
    public const int MaximumPairs = 1 << 16;

    /// <summary>Steps per chain, in slowest relaxation times (docs/theory.md §2).</summary>
    public const double RelaxationTimes = 3;

    /// <summary>Runs the doubling search on <paramref name="workload"/>.</summary>
    public static VerdictTiming Run(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var total = Stopwatch.StartNew();
        var @case = TheoryCase.Interpolating($"{workload.Name} workload", workload.Model, workload.X, workload.Theta, 0.2, 1.0)
            .WithOuScale(TheoryBattery.OuScale);
        double relaxation = TransientCovariance.RelaxationSteps(@case.Frame, @case.Sgd);
        int steps = (int)Math.Clamp(Math.Ceiling(RelaxationTimes * relaxation), 100, 50_000);
        var prepared = StationaryExperiment.Prepare(@case, RunPlan.Antithetic(MinimumPairs, steps, 0, 1));
        double bias = prepared.DynamicBias();
        for (int pairs = MinimumPairs, runs = 1; ; pairs *= 2, runs++)
        {
            var run = Stopwatch.StartNew();
            var along = prepared.WithPairs(pairs).JudgeDynamicDrift().Single(r => r.Check == "drift_dynamic_along");
            double seconds = run.Elapsed.TotalSeconds;
            double relative = along.StdErr / along.Predicted; // the along verdict predicts |d|
            bool reached = SuiteBudget.Budget.Z * relative <= Target;
            if (reached || 2 * pairs > MaximumPairs)
            {
                return new VerdictTiming(workload.Name, seconds, total.Elapsed.TotalSeconds, runs, pairs, steps, relaxation,
                    SuiteBudget.Budget.Z, relative, bias, along.Predicted, along.Measured, reached, along.Pass);
            }
        }
    }
}
