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
            var gd = new SgdSettings(1 / StabilityLimit.LargestCurvature(model, data, theta), 0, data.Count, NoiseLaw.Gaussian, 0);
            theta = ChainEnsemble.Run(model, data, gd, [theta], new ChainEnsembleOptions(chunk) { CleanGradient = false }).FinalStates[0];
            steps += chunk;
            residual = Rms(model, data, theta);
        }
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
