using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Sizes of one reproduction run (THEORY.md §3–§4): label-noise SGD hyper-parameters (full batch), chains per run
/// kind, the horizon K, the number of tracked steps, the GD budget that finds the interpolating start, and the largest
/// slow-flow step.
/// </summary>
/// <param name="Eta">Step size η.</param>
/// <param name="Sigma">Label-noise scale σ.</param>
/// <param name="Chains">Independent chains per noisy run kind (plain GD, being deterministic, runs 2).</param>
/// <param name="Steps">The horizon K.</param>
/// <param name="TrackPoints">About how many log-spaced steps are read (<see cref="TrackingSchedule"/>).</param>
/// <param name="StartSteps">The most plain-GD steps from the random initialisation towards M.</param>
/// <param name="FlowStep">The largest Heun step of the slow flow, in flow time.</param>
/// <param name="Seed">The seed of every draw.</param>
public sealed record ExperimentPlan(double Eta, double Sigma, int Chains, int Steps, int TrackPoints, int StartSteps,
    double FlowStep, ulong Seed)
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the field unless the plan is usable.</summary>
    public void Validate()
    {
        Guard.Positive(Eta, "eta");
        Guard.Positive(Sigma, "sigma");
        if (Chains < 2) throw new InvalidInputException("chains", $"must be at least 2 for a standard error, got {Chains}");
        Guard.Positive(Steps, "steps");
        Guard.Positive(StartSteps, "startSteps");
        Guard.Positive(FlowStep, "flowStep");
    }

    /// <summary>The flow time covered by K full-batch steps on n examples: <c>t = η²σ²K/n</c> (THEORY.md §3).</summary>
    public double Duration(int n) => Eta * Eta * Sigma * Sigma * Steps / n;
}
