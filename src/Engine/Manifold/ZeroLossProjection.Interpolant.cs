using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Manifold;

public static partial class ZeroLossProjection
{
    /// <summary>
    /// A point θ* ∈ M (docs/theory.md §1) reached from θ₀: damped Gauss–Newton (Levenberg–Marquardt,
    /// <c>δ = Jᵀ (J Jᵀ + μI)⁻¹ r</c>, which tolerates rank loss on the way) until <c>max|r_i| &lt; switchTolerance</c>,
    /// then <see cref="Project"/> to <paramref name="tolerance"/>. Throws <see cref="InvalidInputException"/> when the
    /// model cannot interpolate the data — n &gt; p, two identical inputs (with different labels: no interpolant; with
    /// equal labels: J rank-deficient), or J rank-deficient at the interpolant found — naming the data and model sizes;
    /// throws <see cref="InvalidOperationException"/> when training stalls before reaching zero loss.
    /// </summary>
    public static double[] FindInterpolant(Model model, Dataset data, ReadOnlySpan<double> theta0, double tolerance = 1e-12,
        int maxIterations = 2000, double switchTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta0, "theta0");
        Guard.Positive(maxIterations, "maxIterations");
        Guard.Positive(switchTolerance, "switchTolerance");
        CheckInterpolable(model, data);
        var theta = Train(model, data, theta0, maxIterations, switchTolerance);
        try
        {
            return Project(model, data, theta, tolerance);
        }
        catch (InvalidInputException e) when (e.Field == "theta")
        {
            throw new InvalidInputException("data", $"cannot be interpolated regularly by the model {model.Describe()} " +
                $"(n = {data.Count} examples, p = {model.ParameterCount} parameters): training reached max|r_i| < " +
                $"{Guard.Format(switchTolerance)}, but there {e.Message}");
        }
    }

    /// <summary>Rejects data no model of this size can interpolate with full-rank J.</summary>
    private static void CheckInterpolable(Model model, Dataset data)
    {
        int n = data.Count, p = model.ParameterCount;
        string sizes = $"n = {n} examples, p = {p} parameters of the model {model.Describe()}";
        if (n > p)
            throw new InvalidInputException("data", $"cannot be interpolated with full-rank J: {sizes}; n must be ≤ p");
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                if (!data.Row(i).SequenceEqual(data.Row(j))) continue;
                if (data.Y[i] != data.Y[j])
                    throw new InvalidInputException($"y[{j}]", $"= {Guard.Format(data.Y[j])} differs from data.y[{i}] = " +
                        $"{Guard.Format(data.Y[i])} although data.x[{i}] and data.x[{j}] are identical: no model can " +
                        $"interpolate the data ({sizes})");
                throw new InvalidInputException($"x[{j}]", $"duplicates data.x[{i}]: J has two equal rows and is " +
                    $"rank-deficient everywhere, so the zero-loss set is not a regular manifold ({sizes}); drop the duplicate");
            }
    }

    /// <summary>Levenberg–Marquardt in the n-dimensional output space until <c>max|r_i| &lt; target</c>.</summary>
    private static double[] Train(Model model, Dataset data, ReadOnlySpan<double> theta0, int maxIterations, double target)
    {
        int n = data.Count, p = model.ParameterCount;
        var current = theta0.ToArray();
        var trial = new double[p];
        var step = new double[p];
        var residual = new double[n];
        var trialResidual = new double[n];
        var w = new double[n];
        var ws = model.CreateWorkspace(n);
        Residuals(model, data, current, residual, ws);
        double damping = double.NaN;
        int iteration = 0;
        while (!(MaxAbs(residual) < target))
        {
            var (jacobian, _) = GramMatrix.Jacobian(model, data, current);
            var gram = GramMatrix.Of(jacobian, n, p);
            double scale = 0;
            for (int i = 0; i < n; i++) scale = Math.Max(scale, gram[i * n + i]);
            if (scale == 0) Stalled(model, data, residual, iteration, "J = 0");
            if (double.IsNaN(damping)) damping = 1e-3 * scale;
            double norm = TensorPrimitives.Norm(residual);
            var factor = new double[n * n];
            while (true)
            {
                if (++iteration > maxIterations)
                    throw new InvalidOperationException($"ZeroLossProjection.FindInterpolant: max|r_i| = " +
                        $"{Guard.Format(MaxAbs(residual))} after maxIterations = {maxIterations} " +
                        $"damped Gauss–Newton steps (n = {n}, p = {p}, model {model.Describe()})");
                gram.CopyTo(factor, 0);
                for (int i = 0; i < n; i++) factor[i * n + i] += damping;
                residual.CopyTo(w, 0);
                if (Cholesky.TryFactor(factor, n, out _, out _, tolerance: 0))
                {
                    Cholesky.Solve(factor, n, w);
                    GramMatrix.TransposeTimes(jacobian, n, p, w, step);
                    TensorPrimitives.Subtract(current, step, trial);
                    Residuals(model, data, trial, trialResidual, ws);
                    if (TensorPrimitives.Norm(trialResidual) < norm) break;
                }
                damping *= 4;
                if (damping > 1e12 * scale)
                    Stalled(model, data, residual, iteration, "no damped step lowers ||r|| (a stationary point of the loss)");
            }
            damping = Math.Max(damping / 3, 1e-15 * scale);
            (current, trial) = (trial, current);
            (residual, trialResidual) = (trialResidual, residual);
        }
        return current;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Stalled(Model model, Dataset data, ReadOnlySpan<double> residual, int iteration, string why) =>
        throw new InvalidOperationException($"ZeroLossProjection.FindInterpolant: training stalled at max|r_i| = " +
            $"{Guard.Format(MaxAbs(residual))} after {iteration} iterations: {why}; the model " +
            $"{model.Describe()} (p = {model.ParameterCount}) may not interpolate these n = {data.Count} examples from " +
            "this start");
}
