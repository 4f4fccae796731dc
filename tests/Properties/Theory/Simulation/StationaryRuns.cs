using System.Collections.Concurrent;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The <see cref="StationaryExperiment"/> of each drawn case under <see cref="SimulationPlans.Stationary"/>
/// (docs/theory.md §2–§3), prepared once and shared by every property that draws the same case, so its chains run once.
/// </summary>
internal static class StationaryRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<StationaryExperiment>> Runs = new();

    /// <summary>The experiment of a draw; the key is the full case text (architecture, θ, inputs and settings).</summary>
    public static StationaryExperiment Of(TheoryDraw draw) =>
        Runs.GetOrAdd(draw.ToString(), _ => new Lazy<StationaryExperiment>(
            () => StationaryExperiment.Prepare(draw.Case, SimulationPlans.Stationary))).Value;
}
