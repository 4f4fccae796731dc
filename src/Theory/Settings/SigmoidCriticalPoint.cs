using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// A critical point of reg restricted to M for the sigmoid network on one point (docs/theory.md §4.3, "Second-order
/// test"): with s at its best for each share, the shares solve <c>φ'(v_j) = λ</c>, <c>Σ_j v_j = y</c>, found by Newton's
/// method on that bordered system from given shares; and the second-order test there, the smallest eigenvalue of
/// <c>diag(φ''(v_j))</c> on <c>Σ δv_j = 0</c> (the Schur complement of reg's (v, s) Hessian along shares).
/// </summary>
/// <param name="Shares">The critical shares, in the order of the shares Newton started from.</param>
/// <param name="Multiplier">λ, the common <c>φ'(v_j)</c>.</param>
/// <param name="Converged">Whether Newton reached <c>max(|φ'(v_j) − λ|, |Σv − y|) ≤ 1e-12 (1 + |λ|)</c>.</param>
/// <param name="Curvature">The smallest eigenvalue of <c>diag(φ''(v_j))</c> on <c>Σ δv = 0</c>: &gt; 0 is a strict local minimum.</param>
public sealed record SigmoidCriticalPoint(double[] Shares, double Multiplier, bool Converged, double Curvature)
{
    /// <summary>Whether it is a strict local minimum of reg on M (in the (v, s) coordinates): converged and positive curvature.</summary>
    public bool IsLocalMinimum => Converged && Curvature > 0;

    /// <summary>reg on M at these shares with every activation at its best, <c>Σ_j [s_j² + v_j²(1 − s_j)²C]</c>, <c>s_j = v_j²C/(1 + v_j²C)</c>.</summary>
    public double Reg(double c) => Shares.Sum(v => SigmoidAllocation.NeuronCost(v, v * v * c / (1 + v * v * c), c));

    /// <summary>The critical point Newton reaches from <paramref name="start"/> (shares with <c>Σ v ≈ y</c>), damped by halving.</summary>
    public static SigmoidCriticalPoint From(IReadOnlyList<double> start, double y, double c)
    {
        ArgumentNullException.ThrowIfNull(start);
        Guard.Positive(c, "C");
        int m = start.Count;
        var v = start.ToArray();
        double lambda = v.Average(x => SigmoidAllocation.PhiDerivative(x, c));
        double residual = Residual(v, lambda, y, c);
        bool converged = false;
        for (int iteration = 0; iteration < 200 && !converged; iteration++)
        {
            // Bordered Newton step: φ''_j δv_j − δλ = λ − φ'_j, Σ δv_j = y − Σ v.
            double sumInverse = 0, sumRatio = 0;
            for (int j = 0; j < m; j++)
            {
                double curvature = SigmoidAllocation.PhiSecondDerivative(v[j], c);
                sumInverse += 1 / curvature;
                sumRatio += (lambda - SigmoidAllocation.PhiDerivative(v[j], c)) / curvature;
            }
            double dLambda = (y - v.Sum() - sumRatio) / sumInverse;
            var step = v.Select(x => (lambda - SigmoidAllocation.PhiDerivative(x, c) + dLambda) / SigmoidAllocation.PhiSecondDerivative(x, c)).ToArray();
            double scale = 1;
            for (int halving = 0; halving < 40; halving++, scale /= 2)
            {
                var trial = v.Select((x, j) => x + scale * step[j]).ToArray();
                double trialResidual = Residual(trial, lambda + scale * dLambda, y, c);
                if (!(trialResidual < residual) && halving < 39) continue;
                (v, lambda, residual) = (trial, lambda + scale * dLambda, trialResidual);
                break;
            }
            converged = residual <= 1e-12 * (1 + Math.Abs(lambda));
        }
        return new SigmoidCriticalPoint(v, lambda, converged, RestrictedCurvature(v, c));
    }

    /// <summary>
    /// The smallest eigenvalue of <c>diag(φ''(v_j))</c> on the hyperplane <c>Σ δv_j = 0</c> (docs/theory.md §4.3), in an
    /// orthonormal (Helmert) basis of it; +∞ for one neuron (no direction along M changes the share).
    /// </summary>
    public static double RestrictedCurvature(IReadOnlyList<double> shares, double c)
    {
        ArgumentNullException.ThrowIfNull(shares);
        int m = shares.Count;
        if (m < 2) return double.PositiveInfinity;
        var basis = Matrix<double>.Build.Dense(m, m - 1, (i, k) =>
            i <= k ? 1 / Math.Sqrt((k + 1.0) * (k + 2)) : i == k + 1 ? -(k + 1) / Math.Sqrt((k + 1.0) * (k + 2)) : 0);
        var d = Matrix<double>.Build.DenseOfDiagonalArray([.. shares.Select(v => SigmoidAllocation.PhiSecondDerivative(v, c))]);
        var restricted = basis.TransposeThisAndMultiply(d * basis);
        return restricted.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
    }

    private static double Residual(double[] v, double lambda, double y, double c) =>
        Math.Max(v.Max(x => Math.Abs(SigmoidAllocation.PhiDerivative(x, c) - lambda)), Math.Abs(v.Sum() - y));
}
