using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Geometry;

/// <summary>
/// A point θ* of the zero-loss manifold M (docs/theory.md §1) and how it was reached: the one way every path gets onto
/// M and the one test of "is θ on M?". A given θ is kept when on M (<see cref="IsOn"/>) and otherwise projected by
/// Gauss–Newton (<see cref="Near"/>). Without a θ, random draws are trained onto M in turn — by plain full-batch GD
/// then projection (<see cref="ByDescent"/>, the ordinary interpolating start of the reproductions, docs/theory.md §4)
/// or by damped Gauss–Newton (<see cref="ByGaussNewton"/>, the spec files) — and a draw that cannot reach a usable
/// point is retried with the next draw, up to <see cref="Attempts"/>.
/// </summary>
/// <param name="Initial">The draw θ₀ (or the given θ) the search started from.</param>
/// <param name="Theta">The point on M.</param>
/// <param name="Route">How θ₀ was brought onto M.</param>
/// <param name="Rejected">The draws rejected before this one (their index is the attempt of this one).</param>
/// <param name="DescentSteps">The plain-GD steps taken (<see cref="ManifoldRoute.GradientDescent"/>; else 0).</param>
/// <param name="DescentResidual">The RMS residual <c>√(2L)</c> after the GD steps, before projecting (else NaN).</param>
/// <param name="ProjectionDistance"><c>||θ* − θ_before||</c>: how far the last (Gauss–Newton) stage moved.</param>
public sealed record ManifoldStart(double[] Initial, double[] Theta, ManifoldRoute Route, int Rejected, int DescentSteps,
    double DescentResidual, double ProjectionDistance)
{
    /// <summary>θ counts as on M when <c>max_i |r_i| ≤ Tolerance · (1 + max_i |y_i|)</c>.</summary>
    public const double Tolerance = 1e-8;

    /// <summary>The draws tried before a search gives up.</summary>
    public const int Attempts = 8;

    /// <summary>The RMS residual at which GD hands over to the projection.</summary>
    public const double GdTolerance = 1e-7;

    /// <summary>The smallest accepted <c>λ_min(G)/λ_max(G)</c> of a descent start: M must be a regular manifold there.</summary>
    public const double MinimumConditioning = 1e-4;

    private const int Chunk = 2000;

    /// <summary>The largest <c>max_i |r_i|</c> of a point on M for these data: <c>Tolerance · (1 + max_i |y_i|)</c>.</summary>
    public static double Bound(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Tolerance * (1 + data.Y.Select(Math.Abs).Max());
    }

    /// <summary>Whether a point with residuals <c>max_i |r_i| = </c><paramref name="maxResidual"/> lies on M.</summary>
    public static bool IsOn(double maxResidual, Dataset data) => maxResidual <= Bound(data);

    /// <summary><c>max_i |h(x_i; θ) − y_i|</c>.</summary>
    public static double MaxResidual(Model model, Dataset data, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var residual = new double[data.Count];
        model.Forward(theta, data.X, residual, model.CreateWorkspace(data.Count));
        TensorPrimitives.Subtract(residual, data.Y, residual);
        return Math.Abs(TensorPrimitives.MaxMagnitude(residual));
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> on field <c>theta</c> when the frame's residuals show θ is not on M:
    /// the drift of docs/theory.md §3 is an expansion around a zero-loss point.
    /// </summary>
    public static void Require(NormalFrame frame, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (IsOn(frame.MaxResidual, data)) return;
        throw new InvalidInputException("theta",
            $"is not on the zero-loss manifold: max_i |h(x_i; θ) − y_i| = {Guard.Format(frame.MaxResidual)} > " +
            $"{Guard.Format(Bound(data))}; find θ* ∈ M first (docs/theory.md §1)");
    }

    /// <summary>
    /// θ itself when it lies on M, else its Gauss–Newton projection (<see cref="ZeroLossProjection.Project"/>, whose
    /// exceptions pass through: <see cref="InvalidOperationException"/> when it stalls, <see cref="InvalidInputException"/>
    /// on <c>theta</c> when J loses rank).
    /// </summary>
    public static ManifoldStart Near(Model model, Dataset data, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (IsOn(MaxResidual(model, data, theta), data)) return new(theta, theta, ManifoldRoute.OnManifold, 0, 0, double.NaN, 0);
        var projected = ZeroLossProjection.Project(model, data, theta);
        return new(theta, projected, ManifoldRoute.Projected, 0, 0, double.NaN, Distance(projected, theta));
    }

    /// <summary>
    /// The first of the draws <paramref name="draw"/>(0), (1), … whose plain full-batch GD limit is a regular point of M
    /// flat enough for the step η: GD (step <c>1/λ_max(G(θ₀))</c>, half the stability limit at θ₀) until the RMS
    /// residual is below <see cref="GdTolerance"/> within <paramref name="maxSteps"/> steps, then the Gauss–Newton
    /// projection; accepted when <c>λ_min(G)/λ_max(G) ≥ </c><see cref="MinimumConditioning"/> and
    /// <c>η λ_max(G) &lt; 1</c> (half the stability limit of docs/theory.md §2). GD's low-rank bias can end where J loses
    /// rank (docs/theory.md §4.1), and a saturated draw can have <c>G = 0</c>; such draws are rejected. Throws
    /// <see cref="InvalidOperationException"/> naming the last reason when no draw gives a regular start.
    /// </summary>
    public static ManifoldStart ByDescent(Model model, Dataset data, Func<int, double[]> draw, int maxSteps, double eta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Search(model, draw, attempt => Descend(model, data, draw(attempt), maxSteps), start =>
        {
            var eigenvalues = NormalFrame.At(model, start.Theta, data).HessianEigenvalues;
            return eigenvalues[0] >= MinimumConditioning * eigenvalues[^1] && eta * eigenvalues[^1] < 1
                ? null
                : $"λ_min(G)/λ_max(G) = {eigenvalues[0] / eigenvalues[^1]:G3} and η λ_max(G) = {eta * eigenvalues[^1]:G3} at the GD limit";
        }, retryInvalidInput: true);
    }

    /// <summary>
    /// The first of the draws <paramref name="draw"/>(0), (1), … that damped Gauss–Newton brings onto M
    /// (<see cref="ZeroLossProjection.FindInterpolant"/>). A draw whose training stalls is retried; data no model of
    /// this size can interpolate is refused at once (<see cref="InvalidInputException"/> naming the data field).
    /// Throws <see cref="InvalidOperationException"/> naming the last reason when every draw stalls.
    /// </summary>
    public static ManifoldStart ByGaussNewton(Model model, Dataset data, Func<int, double[]> draw)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return Search(model, draw, attempt =>
        {
            var initial = draw(attempt);
            var theta = ZeroLossProjection.FindInterpolant(model, data, initial);
            return new ManifoldStart(initial, theta, ManifoldRoute.GaussNewton, 0, 0, double.NaN, Distance(theta, initial));
        }, _ => null, retryInvalidInput: false);
    }

    private static ManifoldStart Search(Model model, Func<int, double[]> draw, Func<int, ManifoldStart> attempt,
        Func<ManifoldStart, string?> rejection, bool retryInvalidInput)
    {
        ArgumentNullException.ThrowIfNull(draw);
        string reason = "";
        for (int a = 0; a < Attempts; a++)
        {
            try
            {
                var start = attempt(a);
                if (rejection(start) is not { } why) return start with { Rejected = a };
                reason = why;
            }
            catch (Exception e) when (e is InvalidOperationException || (retryInvalidInput && e is InvalidInputException))
            {
                reason = e.Message;
            }
        }
        throw new InvalidOperationException($"no regular point of the zero-loss manifold from {Attempts} random " +
            $"initialisations (model {model.Describe()}): the last failed with {reason}");
    }

    /// <summary>
    /// Plain GD from θ₀ (step 1/λ_max(G), renewed every 2000 steps) until the RMS residual reaches
    /// <see cref="GdTolerance"/> or <paramref name="maxSteps"/> are taken: the point it reached, the steps and the
    /// residual, whether or not that point is on M.
    /// </summary>
    public static (double[] Theta, int Steps, double Residual) PlainDescent(Model model, Dataset data, double[] initial, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(initial);
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
        return (theta, steps, residual);
    }

    /// <summary>Plain GD from θ₀ for at most <paramref name="maxSteps"/> steps, then the projection onto M.</summary>
    private static ManifoldStart Descend(Model model, Dataset data, double[] initial, int maxSteps)
    {
        var (theta, steps, residual) = PlainDescent(model, data, initial, maxSteps);
        if (residual > GdTolerance)
            throw new InvalidOperationException($"plain GD reached RMS residual {residual:G3} > {GdTolerance:G1} in {steps} steps");
        var projected = ZeroLossProjection.Project(model, data, theta);
        return new ManifoldStart(initial, projected, ManifoldRoute.GradientDescent, 0, steps, residual, Distance(projected, theta));
    }

    private static double Rms(Model model, Dataset data, double[] theta)
    {
        var outputs = new double[data.Count];
        model.Forward(theta, data.X, outputs, model.CreateWorkspace(data.Count));
        double squares = 0;
        for (int i = 0; i < outputs.Length; i++) squares += (outputs[i] - data.Y[i]) * (outputs[i] - data.Y[i]);
        return Math.Sqrt(squares / data.Count);
    }

    private static double Distance(double[] a, double[] b) => Vectors.Norm(a.Zip(b, (u, v) => u - v).ToArray());
}

/// <summary>How a <see cref="ManifoldStart"/> reached the zero-loss manifold M (docs/theory.md §1).</summary>
public enum ManifoldRoute
{
    /// <summary>The given θ already lay on M.</summary>
    OnManifold,

    /// <summary>The given θ was projected onto M by Gauss–Newton.</summary>
    Projected,

    /// <summary>A random draw trained by plain full-batch GD, then projected (docs/theory.md §4).</summary>
    GradientDescent,

    /// <summary>A random draw trained by damped Gauss–Newton (Levenberg–Marquardt).</summary>
    GaussNewton,
}
