using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// An ordinary interpolating start (THEORY.md §4): plain full-batch GD (σ = 0) from a random initialisation θ₀, with
/// step <c>1/λ_max(G(θ₀))</c> (half the stability limit at θ₀), until the RMS residual is below
/// <see cref="GdTolerance"/> or the step budget runs out; then the short Gauss–Newton projection onto M removes what
/// GD left. GD must get close first: a Gauss–Newton jump from far away can land where J loses rank.
/// </summary>
/// <param name="Initial">The random initialisation θ₀.</param>
/// <param name="Theta">The start on M.</param>
/// <param name="GdSteps">The GD steps taken.</param>
/// <param name="GdResidual">The RMS residual <c>√(2L)</c> after the GD steps, before projecting.</param>
/// <param name="ProjectionDistance"><c>||Proj_M(θ_GD) − θ_GD||</c>: how far GD had left to go.</param>
public sealed record InterpolatingStart(double[] Initial, double[] Theta, int GdSteps, double GdResidual, double ProjectionDistance)
{
    /// <summary>The RMS residual at which GD hands over to the projection.</summary>
    public const double GdTolerance = 1e-7;

    private const int Chunk = 2000;

    /// <summary>The smallest accepted <c>λ_min(G)/λ_max(G)</c> at the start: M must be a regular manifold there.</summary>
    public const double MinimumConditioning = 1e-4;

    /// <summary>
    /// Tries the initialisations <paramref name="draw"/>(0), (1), … in turn and returns the first whose GD limit is a
    /// regular point of M (GD converged, the projection succeeded, <c>λ_min(G)/λ_max(G) ≥ </c>
    /// <see cref="MinimumConditioning"/>) flat enough for the experiment's step, <c>η λ_max(G) &lt; 1</c> (half the
    /// stability limit of THEORY.md §2: beyond 2 even plain GD leaves the start), with the number of draws rejected. GD's low-rank bias can end at a point where
    /// J loses rank (THEORY.md §4.1: at a rank-deficient UUᵀ); such a start has no normal space and no slow flow.
    /// Throws <see cref="InvalidOperationException"/> naming the last reason when no draw gives a regular start.
    /// </summary>
    public static (InterpolatingStart Start, int Rejected) FindRegular(Model model, Dataset data, Func<int, double[]> draw,
        int maxSteps, double eta, int attempts = 8)
    {
        ArgumentNullException.ThrowIfNull(draw);
        string reason = "";
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            try
            {
                var start = Find(model, data, draw(attempt), maxSteps);
                var eigenvalues = NormalFrame.At(model, start.Theta, data).HessianEigenvalues;
                if (eigenvalues[0] >= MinimumConditioning * eigenvalues[^1] && eta * eigenvalues[^1] < 1) return (start, attempt);
                reason = $"λ_min(G)/λ_max(G) = {eigenvalues[0] / eigenvalues[^1]:G3} and η λ_max(G) = {eta * eigenvalues[^1]:G3} at the GD limit";
            }
            catch (Exception e) when (e is InvalidOperationException or Engine.Validation.InvalidInputException)
            {
                reason = e.Message;
            }
        }
        throw new InvalidOperationException($"no regular interpolating start in {attempts} random initialisations " +
            $"(model {model.Describe()}): the last failed with {reason}");
    }

    /// <summary>Runs plain GD from θ₀ for at most <paramref name="maxSteps"/> steps, then projects onto M.</summary>
    public static InterpolatingStart Find(Model model, Dataset data, double[] initial, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var theta = (double[])initial.Clone();
        int steps = 0;
        double residual = Rms(model, data, theta);
        while (steps < maxSteps && residual > GdTolerance)
        {
            int chunk = Math.Min(Chunk, maxSteps - steps);
            var gd = new SgdSettings(new SgdProblem(1 / LargestCurvature.Of(model, data, theta), 0, data.Count), 0);
            theta = ChainEnsemble.Run(model, data, gd, [theta], new ChainEnsembleOptions(chunk) { CleanGradient = false }).FinalStates[0];
            steps += chunk;
            residual = Rms(model, data, theta);
        }
        if (residual > GdTolerance)
            throw new InvalidOperationException($"plain GD reached RMS residual {residual:G3} > {GdTolerance:G1} in {steps} steps");
        var projected = ZeroLossProjection.Project(model, data, theta);
        return new InterpolatingStart(initial, projected, steps, residual,
            Vectors.Norm(projected.Zip(theta, (a, b) => a - b).ToArray()));
    }

    private static double Rms(Model model, Dataset data, double[] theta)
    {
        var outputs = new double[data.Count];
        model.Forward(theta, data.X, outputs, model.CreateWorkspace(data.Count));
        double squares = 0;
        for (int i = 0; i < outputs.Length; i++) squares += (outputs[i] - data.Y[i]) * (outputs[i] - data.Y[i]);
        return Math.Sqrt(squares / data.Count);
    }
}
