using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Manifold;

/// <summary>
/// Maps points onto the zero-loss manifold <c>M = {θ : r_i(θ) = 0 ∀i}</c> (docs/theory.md §1): Gauss–Newton
/// minimum-norm steps <c>θ ← θ − Jᵀ (J Jᵀ)⁻¹ r</c>, halved while they fail to shrink <c>||r||</c>. This is the
/// retraction of the slow flow (§3) and the projection of SGD iterates before <c>reg</c> is read.
/// </summary>
public static partial class ZeroLossProjection
{
    /// <summary>The most halvings of one Gauss–Newton step before it counts as stalled.</summary>
    private const int MaxHalvings = 40;

    /// <summary>
    /// A point of M near θ, with <c>max_i |r_i| &lt; tolerance</c>. Throws <see cref="InvalidInputException"/> on
    /// <c>theta</c> when J is rank-deficient along the way, and <see cref="InvalidOperationException"/> naming the
    /// residual reached and the iterations when Gauss–Newton stalls or runs out of iterations.
    /// </summary>
    public static double[] Project(Model model, Dataset data, ReadOnlySpan<double> theta, double tolerance = 1e-12,
        int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta);
        Guard.Positive(tolerance, "tolerance");
        Guard.Positive(maxIterations, "maxIterations");
        int n = data.Count, p = model.ParameterCount;
        var current = theta.ToArray();
        var trial = new double[p];
        var step = new double[p];
        var residual = new double[n];
        var trialResidual = new double[n];
        var ws = model.CreateWorkspace(n);
        GramFactorization? gram = null;

        Residuals(model, data, current, residual, ws);
        for (int iteration = 0; ; iteration++)
        {
            double worst = MaxAbs(residual);
            if (worst < tolerance) return current;
            if (iteration == maxIterations)
                throw new InvalidOperationException($"ZeroLossProjection.Project: max|r_i| = {Guard.Format(worst)} " +
                    $"is still ≥ tolerance {Guard.Format(tolerance)} after maxIterations = {maxIterations} Gauss–Newton " +
                    $"steps (n = {n}, p = {p}, model {model.Describe()})");
            gram ??= new GramFactorization(model, data, ws);
            model.ValidateTheta(current);
            gram.Factor(current);
            gram.MinimumNormSolution(residual, step);
            double norm = TensorPrimitives.Norm(residual);
            double alpha = 1;
            for (int halving = 0; ; halving++)
            {
                TensorPrimitives.MultiplyAdd(step, -alpha, current, trial);
                Residuals(model, data, trial, trialResidual, ws);
                double trialNorm = TensorPrimitives.Norm(trialResidual);
                if (trialNorm < norm || MaxAbs(trialResidual) < tolerance) break;
                if (halving == MaxHalvings)
                    throw new InvalidOperationException($"ZeroLossProjection.Project: Gauss–Newton stalled at " +
                        $"max|r_i| = {Guard.Format(worst)} after {iteration} iterations (no step shrinks ||r|| after " +
                        $"{MaxHalvings} halvings; tolerance {Guard.Format(tolerance)} may be below rounding, n = {n}, " +
                        $"p = {p}, model {model.Describe()})");
                alpha /= 2;
            }
            (current, trial) = (trial, current);
            (residual, trialResidual) = (trialResidual, residual);
        }
    }

    /// <summary><c>max_i |r_i|</c> (NaN if any residual is NaN).</summary>
    internal static double MaxAbs(ReadOnlySpan<double> residual) => Math.Abs(TensorPrimitives.MaxMagnitude(residual));

    /// <summary><c>r_i = h(x_i; θ) − y_i</c>; throws on <c>theta</c> if an output is not finite.</summary>
    internal static void Residuals(Model model, Dataset data, ReadOnlySpan<double> theta, Span<double> residual, Workspace ws)
    {
        model.Forward(theta, data.X, residual, ws);
        TensorPrimitives.Subtract(residual, data.Y, residual);
    }
}
