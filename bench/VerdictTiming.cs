using System.Globalization;
using System.Text.Json;

namespace NoiseDrift.Bench;

/// <summary>
/// The outcome of a <see cref="TimeToVerdict"/> search: the final run's size and timing, and the drift verdict along
/// <c>d/|d|</c> it reached (docs/theory.md §3, §5).
/// </summary>
/// <param name="Workload">The workload name.</param>
/// <param name="Seconds">Wall-clock seconds of the final (successful) simulation and verdict.</param>
/// <param name="TotalSeconds">Seconds of the whole search: prediction, every smaller run, the final run.</param>
/// <param name="Runs">How many runs the doubling took (1 when the first pair count sufficed).</param>
/// <param name="Pairs">Antithetic pairs of the final run.</param>
/// <param name="Steps">Steps per chain K.</param>
/// <param name="RelaxationSteps"><c>1/(η λ_min)</c>, the slowest OU relaxation time in steps (docs/theory.md §2).</param>
/// <param name="Z">The suite's critical value (Bonferroni over the suite's comparisons).</param>
/// <param name="StdErrOverSize"><c>SE/|d|</c> of the drift along <c>d/|d|</c>.</param>
/// <param name="BiasBound">The stated relative bias bound: K-step base-point motion plus the higher-order remainder.</param>
/// <param name="Predicted"><c>|d_exact|</c> per step.</param>
/// <param name="Measured">The measured per-step drift along <c>d/|d|</c>.</param>
/// <param name="Reached">Whether <c>z · SE/|d| ≤ target</c> was reached before the pair cap.</param>
/// <param name="Pass">The verdict <c>drift_dynamic_along</c>: <c>|measured − predicted| ≤ z · SE + bias</c>.</param>
public sealed record VerdictTiming(string Workload, double Seconds, double TotalSeconds, int Runs, int Pairs, int Steps,
    double RelaxationSteps, double Z, double StdErrOverSize, double BiasBound, double Predicted, double Measured,
    bool Reached, bool Pass)
{
    /// <summary>The relative half-width <c>z · SE/|d|</c>.</summary>
    public double HalfWidth => Z * StdErrOverSize;

    public string JsonLine() => Bench.JsonLine.Of(json =>
    {
        json.WriteString("workload", Workload);
        json.WriteString("op", "time_to_verdict");
        json.WriteNumber("seconds", Math.Round(Seconds, 2));
        json.WriteNumber("total_seconds", Math.Round(TotalSeconds, 2));
        json.WriteNumber("runs", Runs);
        json.WriteNumber("pairs", Pairs);
        json.WriteNumber("steps", Steps);
        json.WriteNumber("relaxation_steps", Math.Round(RelaxationSteps, 1));
        Write(json, "z", Z);
        Write(json, "se_over_d", StdErrOverSize);
        Write(json, "relative_half_width", HalfWidth);
        Write(json, "bias_bound", BiasBound);
        Write(json, "predicted", Predicted);
        Write(json, "measured", Measured);
        json.WriteBoolean("reached", Reached);
        json.WriteBoolean("pass", Pass);
    });

    /// <summary>A readable summary line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Workload}: {(Reached ? "reached" : "NOT reached")} z·SE/|d| = {HalfWidth:F4} (z = {Z:F3}, SE/|d| = {StdErrOverSize:F5}) " +
        $"with {Pairs} pairs × {Steps} steps ({Steps / RelaxationSteps:F1} relaxation times) in {Seconds:F2} s, " +
        $"{TotalSeconds:F2} s over {Runs} run(s); drift along d/|d| measured {Measured:G6} vs predicted {Predicted:G6}, " +
        $"bias bound {BiasBound:P2}, verdict {(Pass ? "pass" : "FAIL")}");

    private static void Write(Utf8JsonWriter json, string name, double value) =>
        json.WriteNumber(name, double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
