using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// Measured per-step tangent drift (docs/theory.md §3), one independent sample per antithetic pair, so the spread of the
/// samples is the honest standard error.
/// </summary>
/// <param name="Samples">Per-pair drift samples (length p each).</param>
/// <param name="Method">How they were obtained, for reports.</param>
public sealed record DriftMeasurement(IReadOnlyList<double[]> Samples, string Method)
{
    /// <summary>Component-wise mean and standard errors.</summary>
    public VectorMeanEstimate Estimate { get; } = VectorMeanEstimate.Of(Samples);

    /// <summary>
    /// The dynamic estimator (docs/theory.md §3, Rao–Blackwell): per pair, <c>−η P (1/K) Σ_k ∇L(θ_k)</c> with the clean
    /// gradient, averaged over the two chains of the pair, P taken at θ*.
    /// </summary>
    public static DriftMeasurement RaoBlackwell(ChainExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var gradients = experiment.Result.PairMeanCleanGradient
            ?? throw new InvalidInputException("experiment", "was run without the clean gradient");
        var frame = experiment.Case.Frame;
        double eta = experiment.Case.Sgd.Eta;
        var samples = gradients.Select(g => Scaled(frame.ProjectTangent(g), -eta)).ToArray();
        return new DriftMeasurement(samples, $"Rao–Blackwell over {experiment.Plan.Pairs} antithetic pairs × {experiment.Plan.Steps} steps");
    }

    /// <summary>
    /// The static check (docs/theory.md §3): i.i.d. <c>u ~ N(0, S)</c> in N, antithetic <c>±u</c>, samples
    /// <c>−η P ½(∇L(θ* + u) + ∇L(θ* − u))</c>. No dynamics: it checks the second-order algebra alone.
    /// </summary>
    public static DriftMeasurement Static(TheoryCase @case, OuCovariance covariance, int pairs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var offsets = StationaryStart.Offsets(@case.Frame, covariance, pairs, seed);
        var model = @case.Model;
        int n = @case.Count, p = model.ParameterCount;
        var ws = model.CreateWorkspace(n);
        var point = new double[p];
        var plus = new double[p];
        var minus = new double[p];
        var samples = new double[pairs][];
        for (int j = 0; j < pairs; j++)
        {
            for (int k = 0; k < p; k++) point[k] = @case.Theta[k] + offsets[j][k];
            model.LossGradient(point, @case.Data.X, @case.Data.Y, plus, ws);
            for (int k = 0; k < p; k++) point[k] = @case.Theta[k] - offsets[j][k];
            model.LossGradient(point, @case.Data.X, @case.Data.Y, minus, ws);
            for (int k = 0; k < p; k++) plus[k] = 0.5 * (plus[k] + minus[k]);
            samples[j] = Scaled(@case.Frame.ProjectTangent(plus), -@case.Sgd.Eta);
        }
        return new DriftMeasurement(samples, $"static: {pairs} antithetic pairs u ~ N(0, S)");
    }

    private static double[] Scaled(double[] v, double s)
    {
        for (int k = 0; k < v.Length; k++) v[k] *= s;
        return v;
    }
}
