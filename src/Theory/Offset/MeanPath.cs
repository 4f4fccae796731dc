using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The mean of the label-noise SGD iterate to second order in the fluctuation (docs/theory.md §3.9):
/// <c>θ̄_{k+1} = θ̄_k − η E_ξ ∇L(θ̄_k + ξ)</c>, <c>ξ ~ N(0, Q S Qᵀ)</c>, from <c>θ̄_0 = θ*</c> (the mean of a stationary
/// start). Its normal part is the mean normal offset (linearised: <see cref="MeanNormalOffset"/>), its tangent part
/// the drift with the offset's correction <c>d′(m_k)</c>, and it moves the base point as the chains do.
/// <para>
/// The expectation is the symmetric 2n-point rule, exact for quadratics:
/// <c>E f(θ + ξ) ≈ f(θ) + ½ Σ_j [f(θ + s_j) + f(θ − s_j) − 2 f(θ)]</c> with <c>s_j = √λ_j Q v_j</c>, (λ_j, v_j) the
/// eigenpairs of S. Its error is fourth order in ξ, the order the remainder of §3.5 already states. Each step costs
/// 2n + 1 clean gradients, taken at once (<see cref="PointLossGradients"/>: an MLP's on the lanes, the same bits); S
/// and the frame are refreshed at θ̄ every <c>refreshEvery</c> steps (0: never), so on a long horizon the covariance
/// follows the flow.
/// </para>
/// </summary>
public static class MeanPath
{
    /// <summary>θ̄ at each of <paramref name="recordSteps"/> (ascending, ≤ <paramref name="steps"/>).</summary>
    public static double[][] Run(TheoryCase @case, OuCovariance covariance, int steps, IReadOnlyList<int> recordSteps,
        int refreshEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(recordSteps);
        Guard.Positive(steps, "steps");
        var model = @case.Model;
        var data = @case.Data;
        int p = model.ParameterCount;
        double eta = @case.Sgd.Eta;
        var gradients = PointLossGradients.For(model, data);
        var theta = (double[])@case.Theta.Clone();
        var smoothed = new double[p];
        var axes = SigmaAxes(@case.Frame, covariance);
        var (points, pointGradients) = SigmaPoints(axes.Length, p);
        var records = new double[recordSteps.Count][];
        int next = 0;
        while (next < records.Length && recordSteps[next] == 0) records[next++] = (double[])theta.Clone();
        for (int k = 1; k <= steps && next < records.Length; k++)
        {
            if (refreshEvery > 0 && k > 1 && (k - 1) % refreshEvery == 0)
            {
                var frame = NormalFrame.At(model, theta, data);
                axes = SigmaAxes(frame, StationaryCovariance.Exact(frame, @case.Sgd));
                if (points.Length != 2 * axes.Length + 1) (points, pointGradients) = SigmaPoints(axes.Length, p);
            }
            // θ, then θ − s_j and θ + s_j for each axis j: all 2J + 1 gradients at once (PointLossGradients).
            theta.CopyTo(points[0], 0);
            for (int j = 0; j < axes.Length; j++)
            {
                for (int sign = -1; sign <= 1; sign += 2)
                {
                    var point = points[2 * j + (sign + 3) / 2];
                    for (int q = 0; q < p; q++) point[q] = theta[q] + sign * axes[j][q];
                }
            }
            gradients.Evaluate(points, pointGradients);
            for (int q = 0; q < p; q++) smoothed[q] = (1 - axes.Length) * pointGradients[0][q];
            for (int c = 1; c < points.Length; c++)
            {
                var gradient = pointGradients[c];
                for (int q = 0; q < p; q++) smoothed[q] += 0.5 * gradient[q];
            }
            double check = 0;
            for (int q = 0; q < p; q++)
            {
                theta[q] -= eta * smoothed[q];
                check += theta[q];
            }
            if (!double.IsFinite(check))
                throw new InvalidInputException("sigma", $"the mean path left every finite value at step {k}");
            while (next < records.Length && recordSteps[next] == k) records[next++] = (double[])theta.Clone();
        }
        if (next < records.Length) throw new InvalidInputException("recordSteps", $"must be ascending and ≤ {steps}");
        return records;
    }

    /// <summary>Room for θ and the 2J sigma points around it, and their gradients.</summary>
    private static (double[][] Points, double[][] Gradients) SigmaPoints(int axes, int p) =>
        ([.. Enumerable.Range(0, 2 * axes + 1).Select(_ => new double[p])], [.. Enumerable.Range(0, 2 * axes + 1).Select(_ => new double[p])]);

    /// <summary>The sigma points' half-axes <c>s_j = √λ_j Q v_j</c> (length p each); none where S = 0 (σ = 0).</summary>
    private static double[][] SigmaAxes(NormalFrame frame, OuCovariance covariance) =>
        Enumerable.Range(0, covariance.Eigenvalues.Length)
            .Where(j => covariance.Eigenvalues[j] > 0)
            .Select(j => frame.Embed(covariance.Eigenvectors.Column(j).Multiply(Math.Sqrt(covariance.Eigenvalues[j])).ToArray()))
            .ToArray();
}
