using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.SlowFlow;

/// <summary>
/// The slow flow <c>dθ/dt = −¼ P ∇reg</c> (docs/theory.md §3) continued where J loses rank (§4.2): Heun's method as in
/// <see cref="RiemannianSlowFlow"/>, with P and the retraction on the constraints that remain independent
/// (<see cref="TruncatedFrame"/>). The retraction is damped Gauss–Newton on those constraints: minimum-norm least-squares
/// steps, halved until <c>||r||</c> shrinks, until <c>max|r_i| &lt; </c><see cref="Tolerance"/>; where it can get no
/// further it accepts a point with <c>max|r_i| &lt; </c><see cref="AcceptedResidual"/>; a residual along a dropped direction is reached by Levenberg–Marquardt steps
/// <c>Jᵀ (J Jᵀ + μ λ_max I)⁻¹ r</c> with growing μ. Where all of these stall at a kink on a data point above the accepted
/// residual, or still creep after the last iteration, in a Heun step already split to 2⁻¹⁰ of the flow step (where the
/// flow stopped before), one least-squares step along the model's <see cref="Model.AffineBlock"/> (the output layer, in
/// which the constraints are linear) solves them. A Heun step whose retraction fails is split in two (step-size control
/// at kinks). Every step taken at lost rank or at such a kink is recorded.
/// </summary>
public static class RankTolerantSlowFlow
{
    /// <summary>The residual the retraction aims for, that of <see cref="Engine.Manifold.ZeroLossProjection"/>.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// The largest residual a stalled retraction accepts: a residual r moves the point by about <c>|r| / σ_min(J)</c>
    /// off M and reg by that times <c>||∇reg||</c>, O(1e-6) at the conditioning accepted (σ_min(J)² ≥ 1e-9 λ_max), far
    /// below the reproductions' tolerances (1e-2 and up). A retraction at a kink sitting on a data point can stall near
    /// 1e-8, where J's linearisation from one side of the kink is wrong on the other.
    /// </summary>
    public const double AcceptedResidual = 1e-7;

    /// <summary>
    /// The most flow steps at kinks on data points (<see cref="KinkStep"/>) one flow may take before it stops: past the
    /// first one the flow is a construction of ours, not the theory's prediction (docs/theory.md §4.2, "Where the flow is
    /// the prediction"), and where it slides along a kink each flow step goes through up to ten failed splits first, so
    /// without a cap its work per unit t has no bound (docs/reproduction.md, the ReLU section, records the cost).
    /// </summary>
    public const int KinkBudget = 256;

    private const int MaxIterations = 200;
    private const int MaxHalvings = 40;
    private const int MaxSplits = 10;

    /// <summary>Levenberg–Marquardt damping, relative to <c>λ_max(J Jᵀ)</c>, tried in turn when truncated steps stall.</summary>
    private static readonly double[] Dampings = [1e-10, 1e-8, 1e-6, 1e-4, 1e-2];

    /// <summary>The velocity <c>−¼ P ∇reg</c> at θ on the kept constraints, and the frame used.</summary>
    public static (double[] Velocity, TruncatedFrame Frame) Velocity(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var gradient = new double[model.ParameterCount];
        model.RegGradient(theta, data.X, gradient, model.CreateWorkspace(data.Count));
        var frame = TruncatedFrame.At(model, theta, data);
        var velocity = frame.Tangent(gradient);
        for (int j = 0; j < velocity.Length; j++) velocity[j] *= -0.25;
        return (velocity, frame);
    }

    /// <summary>
    /// Integrates from θ₀ (retracted first) over <paramref name="duration"/> in <paramref name="steps"/> Heun steps,
    /// starting at flow time <paramref name="time"/>; returns θ at the end, the steps taken at lost rank, and the steps
    /// whose retraction stalled at a kink on a data point and was solved along the model's affine block.
    /// Throws <see cref="InvalidOperationException"/> when a retraction cannot reach <see cref="AcceptedResidual"/>.
    /// </summary>
    /// <remarks>
    /// At most <paramref name="kinkBudget"/> steps at kinks on data points are taken; the next one throws
    /// <see cref="KinkBudgetExceededException"/> (the flow stops there and says so).
    /// </remarks>
    public static (double[] Final, IReadOnlyList<RankLoss> Losses, IReadOnlyList<KinkStep> Kinks) Integrate(Model model,
        ReadOnlySpan<double> theta0, Dataset data, double time, double duration, int steps, int kinkBudget = KinkBudget)
    {
        ArgumentNullException.ThrowIfNull(model);
        double dt = duration / steps;
        var losses = new List<RankLoss>();
        var kinks = new KinkSteps(kinkBudget);
        var theta = Retract(model, data, theta0.ToArray());
        try
        {
            for (int k = 0; k < steps; k++) theta = HeunStep(model, data, theta, time + k * dt, dt, 0, losses, kinks);
        }
        catch (KinkBudgetExceededException e)
        {
            throw new KinkBudgetExceededException(e.Message, losses, kinks.Steps);
        }
        return (theta, losses, kinks.Steps);
    }

    /// <summary>The steps at kinks on data points taken so far, and how many more the budget allows.</summary>
    private sealed class KinkSteps(int budget)
    {
        public List<KinkStep> Steps { get; } = [];

        public void Add(KinkStep step)
        {
            if (Steps.Count >= budget)
            {
                throw new KinkBudgetExceededException($"the flow's work at kinks on data points reached its budget at t = {step.Time:G4} " +
                    "(docs/theory.md §4.2), the next step at a kink at x = " +
                    string.Join(", ", step.Inputs.Select(x => x.ToString("G3", System.Globalization.CultureInfo.InvariantCulture))));
            }
            Steps.Add(step);
        }
    }

    /// <summary>
    /// One Heun step of length dt; where a retraction fails (the step crossed a kink on a data point, where the
    /// linearisation of the other side is wrong) the step is taken as two of half the length, down to 2⁻¹⁰ dt.
    /// </summary>
    private static double[] HeunStep(Model model, Dataset data, double[] theta, double time, double dt, int depth,
        List<RankLoss> losses, KinkSteps kinks)
    {
        try
        {
            // Only a step already split to the shortest length may finish its retraction along the affine block: its
            // move, and so that correction, is 2⁻¹⁰ of a flow step's; longer steps are split first, as before.
            var stalled = depth == MaxSplits ? new List<int>() : null;
            var (first, frame) = Velocity(model, theta, data);
            var predictor = Retract(model, data, Step(theta, first, dt), stalled);
            var (second, _) = Velocity(model, predictor, data);
            for (int j = 0; j < first.Length; j++) first[j] = (first[j] + second[j]) / 2;
            var next = Retract(model, data, Step(theta, first, dt), stalled);
            if (frame.Rank < frame.Count)
                losses.Add(new RankLoss(time, frame.Rank, [.. frame.Dependent.Select(i => data.X[i * data.Dimension])]));
            if (stalled is { Count: > 0 }) kinks.Add(new KinkStep(time, [.. stalled.Distinct().Order().Select(i => data.X[i * data.Dimension])]));
            return next;
        }
        catch (InvalidOperationException e) when (depth < MaxSplits && e is not KinkBudgetExceededException)
        {
            var half = HeunStep(model, data, theta, time, dt / 2, depth + 1, losses, kinks);
            return HeunStep(model, data, half, time + dt / 2, dt / 2, depth + 1, losses, kinks);
        }
    }

    /// <summary>
    /// Damped Gauss–Newton onto the level set r = 0 of the kept constraints (see the class summary). When
    /// <paramref name="stalled"/> is given and the steps stall at a kink on a data point above
    /// <see cref="AcceptedResidual"/> (or still creep after the last iteration), a least-squares step along the model's
    /// <see cref="Model.AffineBlock"/> (linear constraints there) goes on, and the data point with the largest residual
    /// is added to <paramref name="stalled"/>; without it the retraction throws there, as it always did.
    /// </summary>
    public static double[] Retract(Model model, Dataset data, double[] theta, List<int>? stalled = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var current = theta;
        var scratch = new Scratch(model, data);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var frame = TruncatedFrame.At(model, current, data);
            double worst = frame.Residuals.Max(Math.Abs);
            if (worst < Tolerance) return current;
            double norm = Vectors.Norm(frame.Residuals);
            var accepted = Descend(scratch, current, frame.MinimumNormSolution(frame.Residuals), norm);
            // A residual along a dropped direction is out of reach of the truncated step: damped full-rank steps reach it.
            for (int d = 0; d < Dampings.Length && accepted is null; d++)
                accepted = Descend(scratch, current, frame.DampedSolution(frame.Residuals, Dampings[d]), norm);
            if (accepted is null && worst < AcceptedResidual) return current;
            // Stalled at a kink on a data point, where J from one side is wrong on the other: along the block in which h
            // is affine (the output layer) the constraints are linear, and one least-squares step solves them.
            if (accepted is null && stalled is not null && model.AffineBlock.Count > 0)
            {
                accepted = Descend(scratch, current, frame.BlockSolution(frame.Residuals, model.AffineBlock.Offset, model.AffineBlock.Count), norm);
                stalled.Add(Array.IndexOf(frame.Residuals, frame.Residuals.MaxBy(Math.Abs)));
            }
            if (accepted is null)
            {
                throw new InvalidOperationException($"the rank-tolerant retraction stalled at max|r_i| = {worst:G3} " +
                    $"(rank {frame.Rank} of {frame.Count}) after {iteration} damped Gauss–Newton steps");
            }
            current = accepted;
        }
        double last = Residuals(model, data, current).Max(Math.Abs);
        if (last < AcceptedResidual) return current;
        // Damped steps still shrinking ||r|| by crumbs after every iteration (zigzag across a kink on a data point):
        // the affine block's least-squares step is tried once more, and kept if it reaches the accepted residual.
        if (stalled is not null && model.AffineBlock.Count > 0)
        {
            var frame = TruncatedFrame.At(model, current, data);
            var solved = Descend(scratch, current, frame.BlockSolution(frame.Residuals, model.AffineBlock.Offset, model.AffineBlock.Count),
                Vectors.Norm(frame.Residuals));
            if (solved is not null && Residuals(model, data, solved).Max(Math.Abs) < AcceptedResidual)
            {
                stalled.Add(Array.IndexOf(frame.Residuals, frame.Residuals.MaxBy(Math.Abs)));
                return solved;
            }
        }
        throw new InvalidOperationException($"the rank-tolerant retraction reached only max|r_i| = {last:G3} after {MaxIterations} steps");
    }

    /// <summary>
    /// θ − α δ for the first α = 1, ½, ¼, … that shrinks <c>||r||</c> below <paramref name="norm"/>, or null. Once
    /// θ − α δ rounds to θ itself bit for bit, every smaller α gives the same point (|α δ_j| only shrinks) and the
    /// same answer, so the halving stops there.
    /// </summary>
    private static double[]? Descend(Scratch scratch, double[] current, double[] step, double norm)
    {
        var trial = scratch.Trial;
        double alpha = 1;
        for (int halving = 0; halving <= MaxHalvings; halving++, alpha /= 2)
        {
            current.CopyTo(trial, 0);
            Vectors.AddScaled(trial, step, -alpha);
            bool shrinks = Vectors.Norm(scratch.Residuals(trial)) < norm;
            if (shrinks) return (double[])trial.Clone();
            if (Bits(trial).SequenceEqual(Bits(current))) return null;
        }
        return null;
    }

    private static ReadOnlySpan<long> Bits(double[] v) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(v.AsSpan());

    /// <summary>One retraction's buffers: a trial point, the outputs and a model workspace, reused by every trial.</summary>
    private sealed class Scratch(Model model, Dataset data)
    {
        private readonly double[] _outputs = new double[data.Count];
        private readonly Engine.Models.Workspace _workspace = model.CreateWorkspace(data.Count);

        public double[] Trial { get; } = new double[model.ParameterCount];

        /// <summary><c>h(x_i; θ) − y_i</c>, in a buffer overwritten by the next call.</summary>
        public double[] Residuals(double[] theta)
        {
            model.Forward(theta, data.X, _outputs, _workspace);
            for (int i = 0; i < _outputs.Length; i++) _outputs[i] -= data.Y[i];
            return _outputs;
        }
    }

    private static double[] Residuals(Model model, Dataset data, double[] theta)
    {
        var outputs = new double[data.Count];
        model.Forward(theta, data.X, outputs, model.CreateWorkspace(data.Count));
        for (int i = 0; i < outputs.Length; i++) outputs[i] -= data.Y[i];
        return outputs;
    }

    private static double[] Step(double[] theta, double[] velocity, double dt)
    {
        var next = (double[])theta.Clone();
        Vectors.AddScaled(next, velocity, dt);
        return next;
    }
}

/// <summary>The slow flow took its <see cref="RankTolerantSlowFlow.KinkBudget"/> steps at kinks on data points and stops.</summary>
public sealed class KinkBudgetExceededException : InvalidOperationException
{
    /// <summary>With the reason and the steps at lost rank and at kinks taken in the integration that stopped.</summary>
    public KinkBudgetExceededException(string message, IReadOnlyList<RankLoss> losses, IReadOnlyList<KinkStep> kinks) : base(message)
    {
        Losses = losses;
        Kinks = kinks;
    }

    /// <summary>The steps at lost rank taken before the stop.</summary>
    public IReadOnlyList<RankLoss> Losses { get; } = [];

    /// <summary>The steps at kinks on data points taken before the stop.</summary>
    public IReadOnlyList<KinkStep> Kinks { get; } = [];

    /// <summary>With the reason.</summary>
    public KinkBudgetExceededException(string message) : base(message)
    {
    }

    /// <summary>Without a reason.</summary>
    public KinkBudgetExceededException()
    {
    }

    /// <summary>With the reason and the cause.</summary>
    public KinkBudgetExceededException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>
/// A slow-flow step whose retraction stalled at a kink on a data point (J from one side is wrong on the other) and went
/// on along the model's affine block (docs/theory.md §4.2, "The flow through lost rank").
/// </summary>
/// <param name="Time">The flow time of the step.</param>
/// <param name="Inputs">The data inputs with the largest residual where the retraction stalled.</param>
public sealed record KinkStep(double Time, double[] Inputs);

/// <summary>A slow-flow step taken where J had lost rank (docs/theory.md §4.2).</summary>
/// <param name="Time">The flow time of the step.</param>
/// <param name="Rank">The constraints kept.</param>
/// <param name="Inputs">The data inputs that weigh most in the dropped directions.</param>
public sealed record RankLoss(double Time, int Rank, double[] Inputs);
