using System.Collections.Concurrent;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// One stationary-start experiment of a drawn case (THEORY.md §2–§3) reduced to what the properties judge: the
/// Rao–Blackwell drift, the time-averaged normal second moments, the prediction, and the stated biases.
/// </summary>
/// <param name="Case">The simulated case.</param>
/// <param name="Prediction">Exact-S and leading-order drift, with the exact S.</param>
/// <param name="Drift">The dynamic drift measurement (one sample per antithetic pair).</param>
/// <param name="Ou">The normal-space second moments (one matrix per antithetic pair).</param>
/// <param name="RemainderBias">The stated higher-order remainder, <c>100 λ_max(S)</c> (relative).</param>
/// <param name="DynamicBias">Remainder plus the K-step base-point bias <c>K ||∇d||</c> (relative).</param>
internal sealed record StationaryRun(TheoryCase Case, DriftPrediction Prediction, DriftMeasurement Drift, OuMeasurement Ou,
    double RemainderBias, double DynamicBias)
{
    private static readonly ConcurrentDictionary<string, Lazy<StationaryRun>> Runs = new();

    /// <summary>
    /// The run of a draw under <see cref="SimulationPlans.Stationary"/>, simulated once and shared by every property
    /// that draws the same case (the key is the full case text: architecture, θ, inputs and settings).
    /// </summary>
    public static StationaryRun Of(TheoryDraw draw) =>
        Runs.GetOrAdd(draw.ToString(), _ => new Lazy<StationaryRun>(() => Simulate(draw.Case))).Value;

    private static StationaryRun Simulate(TheoryCase @case)
    {
        var plan = SimulationPlans.Stationary;
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        double remainder = SuiteBudget.RemainderBound(prediction.Covariance);
        double kStep = KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, plan.Steps).RelativeBias;
        var experiment = ChainExperiment.Run(@case, plan, prediction.Covariance);
        return new StationaryRun(@case, prediction, DriftMeasurement.RaoBlackwell(experiment),
            OuMeasurement.Stationary(experiment), remainder, remainder + kStep);
    }
}
