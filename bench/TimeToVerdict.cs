using System.Diagnostics;
using System.Globalization;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verification;

namespace NoiseDrift.Bench;

/// <summary>
/// "Time to verdict" (issue 3, THEORY.md §3 and §5): the seconds the Rao–Blackwell drift check needs to pin the
/// workload's drift to a relative half-width <c>z · SE / |d|</c> of at most 10% at the suite's false-alarm rate. The
/// workload's θ becomes a point of M by taking its own outputs as labels; ηλ_max = 0.2, λ_max(S) = 1e-5, full batch.
/// The number of antithetic pairs doubles from <see cref="MinimumPairs"/> (enough for a stable standard error) until the half-width is reached; steps are three relaxation times.
/// </summary>
public static class TimeToVerdict
{
    /// <summary>The target relative half-width.</summary>
    public const double Target = 0.10;

    /// <summary>The fewest antithetic pairs whose spread is trusted as a standard error.</summary>
    public const int MinimumPairs = 16;

    /// <summary>Runs the doubling search and returns one JSON line.</summary>
    public static string Run(Workload workload)
    {
        var total = Stopwatch.StartNew();
        var @case = TheoryCase.Interpolating($"{workload.Name} workload", workload.Model, workload.X, workload.Theta, 0.2, 1.0)
            .WithOuScale(TheoryBattery.OuScale);
        var prediction = PredictedDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        int steps = (int)Math.Clamp(3 * TransientCovariance.RelaxationSteps(@case.Frame, @case.Sgd), 100, 20_000);
        double size = Math.Sqrt(prediction.Exact.Sum(v => v * v));
        double bias = KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, steps).RelativeBias
                      + SuiteBudget.RemainderBound(prediction.Covariance);
        for (int pairs = MinimumPairs; ; pairs *= 2)
        {
            var run = Stopwatch.StartNew();
            var experiment = ChainExperiment.Run(@case, new SimulationPlan(pairs, steps, 0, 1), prediction.Covariance);
            var verdict = DriftVerdict.Judge("drift_dynamic", @case.Name, DriftMeasurement.RaoBlackwell(experiment), prediction.Exact, bias)[0];
            double halfWidth = SuiteBudget.Budget.Z * verdict.StdErr / size;
            if (halfWidth <= Target || pairs >= 1 << 16)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{{\"workload\":\"{workload.Name}\",\"op\":\"time_to_verdict\",\"seconds\":{run.Elapsed.TotalSeconds:F2}," +
                    $"\"total_seconds\":{total.Elapsed.TotalSeconds:F2},\"pairs\":{pairs},\"steps\":{steps}," +
                    $"\"z\":{SuiteBudget.Budget.Z:F3},\"relative_half_width\":{halfWidth:F4},\"bias_bound\":{bias:F4}," +
                    $"\"predicted\":{verdict.Predicted:G6},\"measured\":{verdict.Measured:G6},\"pass\":{(verdict.Pass ? "true" : "false")}}}");
            }
        }
    }
}
