using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// The stationary-start experiment, the one pipeline behind the OU and drift verdicts (docs/theory.md §2, §3, §5):
/// predict (the exact-S drift and S at θ*), start stationary (antithetic pairs <c>θ* ± u</c>, <c>u ~ N(0, S)</c>),
/// run the chains, measure (Rao–Blackwell drift, time-averaged normal second moments), and state the K-step base-point
/// bias <c>K ||∇d||</c> of the θ*-fixed dynamic drift. The judging, with the remainders of docs/theory.md §3.5, is
/// <c>Verdicts.StationaryVerdicts</c>, a layer above. The battery, the simulation properties, the simulation snapshot, the time-to-verdict benchmark and
/// <c>noisedrift simulate</c> all run it.
/// <para>
/// Only the prediction is computed up front; the K-step bias, the chains and the measurements are computed once, on
/// first use, and are safe to share between threads.
/// </para>
/// </summary>
public sealed class StationaryExperiment
{
    private readonly Lazy<double> _kStepBias;
    private readonly Lazy<ChainExperiment> _chains;
    private readonly Lazy<DriftMeasurement> _drift;
    private readonly Lazy<OuMeasurement> _ou;

    private StationaryExperiment(TheoryCase @case, RunPlan plan, DriftPrediction prediction, Lazy<double> kStepBias,
        IProgress<double>? progress = null)
    {
        Case = @case;
        Plan = plan;
        Prediction = prediction;
        _kStepBias = kStepBias;
        _chains = new(() => ChainExperiment.Run(Case, Plan, Prediction.Covariance, progress: progress));
        _drift = new(() => DriftMeasurement.RaoBlackwell(Chains));
        _ou = new(() => OuMeasurement.Stationary(Chains));
    }

    /// <summary>
    /// Predicts at the case's θ*; nothing is simulated until a measurement is asked for. <paramref name="progress"/>
    /// receives the completed fraction of the chains' steps.
    /// </summary>
    public static StationaryExperiment Prepare(TheoryCase @case, RunPlan plan, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(plan);
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        return new StationaryExperiment(@case, plan, prediction, new Lazy<double>(() =>
            KStepDisplacement.Predict(@case.Model, @case.Theta, @case.Data, @case.Sgd, plan.Steps).RelativeBias), progress);
    }

    /// <summary>The same prediction and biases (they depend on K, not on the pairs) with another number of pairs.</summary>
    public StationaryExperiment WithPairs(int pairs) => new(Case, Plan with { Chains = 2 * pairs }, Prediction, _kStepBias);

    /// <summary>The simulated case.</summary>
    public TheoryCase Case { get; }

    /// <summary>Pairs, steps K, snapshot spacing and seed.</summary>
    public RunPlan Plan { get; }

    /// <summary>The exact-S and leading-order drift, with the exact S (docs/theory.md §2–§3).</summary>
    public DriftPrediction Prediction { get; }

    /// <summary>The K-step base-point bias <c>K ||∇d||</c>, relative (<see cref="KStepDisplacement"/>).</summary>
    public double KStepBias => _kStepBias.Value;

    /// <summary>The chains from the stationary start (run on first use).</summary>
    public ChainExperiment Chains => _chains.Value;

    /// <summary>The Rao–Blackwell drift, one sample per antithetic pair.</summary>
    public DriftMeasurement Drift => _drift.Value;

    /// <summary>The time-averaged normal second moments, one matrix per antithetic pair.</summary>
    public OuMeasurement Ou => _ou.Value;
}
