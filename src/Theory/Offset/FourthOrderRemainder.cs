using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The fourth order in the fluctuation, measured on the case (docs/theory.md §3.5). With <c>s_j = √λ_j Q v_j</c> over the
/// eigenpairs of S, the symmetric rules
/// <c>F(c) = ½ Σ_j [∇L(θ + c s_j) + ∇L(θ − c s_j) − 2∇L(θ)] = c² b(S) + c⁴ A + O(c⁶)</c>, <c>A = (1/24) Σ_j ∇⁵L[s_j⁴]</c>,
/// and, over the pairs <c>j &lt; k</c> and both signs, <c>F₂(c) = ½ Σ [∇L(θ + c(s_j ± s_k)) + ∇L(θ − c(s_j ± s_k)) − 2∇L(θ)]</c>,
/// whose fourth-order part is <c>2(n − 1) A + ½ X</c> with <c>X = Σ_{j&lt;k} ∇⁵L[s_j², s_k²]</c>, give A and X by Richardson
/// between c = ½ and c = 1 from the engine's exact gradients at <c>2n²</c> points. The Gaussian's fourth order is
/// <c>(1/8) ∇⁵L[S, S] = 3A + ¼X</c>, the symmetric 2n-point rule's (the mean path's expectation) is A, so the
/// prediction built on b(S) misses <c>3A + ¼X</c> and the mean path misses <c>2A + ¼X</c>. The relative remainder is the
/// larger of the two against b(S), tangent and normal parts separately.
/// </summary>
/// <param name="Axis">A, the fourth order of the 2n-point rule (length p).</param>
/// <param name="Mixed">X, the mixed fourth order over pairs of axes (length p).</param>
/// <param name="Relative">
/// <c>max(|P e| / |P b(S)|, |Qᵀ e| / |Qᵀ b(S)|)</c> over <c>e = 3A + ¼X</c> and <c>e = 2A + ¼X</c>, with b(S) from the same
/// rules (0 where S = 0).
/// </param>
public sealed record FourthOrderRemainder(double[] Axis, double[] Mixed, double Relative)
{
    /// <summary>Measures the fourth order at θ* of <paramref name="case"/> for the covariance S.</summary>
    public static FourthOrderRemainder Of(TheoryCase @case, OuCovariance covariance)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(covariance);
        var frame = @case.Frame;
        int n = covariance.Eigenvalues.Length, p = @case.Model.ParameterCount;
        var axes = Enumerable.Range(0, n).Where(j => covariance.Eigenvalues[j] > 0)
            .Select(j => frame.Embed(covariance.Eigenvectors.Column(j).Multiply(Math.Sqrt(covariance.Eigenvalues[j])).ToArray()))
            .ToArray();
        var pairs = new List<double[]>();
        for (int j = 0; j < axes.Length; j++)
            for (int k = j + 1; k < axes.Length; k++)
                for (int sign = -1; sign <= 1; sign += 2)
                    pairs.Add([.. axes[j].Zip(axes[k], (a, b) => a + sign * b)]);
        var rule = new SymmetricRule(@case);
        double[] axisHalf = rule.Apply(0.5, axes), axisFull = rule.Apply(1, axes);
        double[] pairHalf = rule.Apply(0.5, pairs), pairFull = rule.Apply(1, pairs);
        var axis = new double[p];
        var mixed = new double[p];
        var force = new double[p];
        for (int q = 0; q < p; q++)
        {
            // F(1) − 4F(½) = (1 − ¼) × the fourth order: the second order cancels.
            axis[q] = (axisFull[q] - 4 * axisHalf[q]) * 4 / 3;
            double pairFourth = (pairFull[q] - 4 * pairHalf[q]) * 4 / 3;
            mixed[q] = 2 * (pairFourth - 2 * (axes.Length - 1) * axis[q]);
            force[q] = axisFull[q] - axis[q];
        }
        double relative = Math.Max(RelativeTo(frame, Combine(axis, mixed, 3), force), RelativeTo(frame, Combine(axis, mixed, 2), force));
        return new FourthOrderRemainder(axis, mixed, relative);
    }

    private static double[] Combine(double[] axis, double[] mixed, double axisWeight) =>
        [.. axis.Zip(mixed, (a, x) => axisWeight * a + 0.25 * x)];

    private static double RelativeTo(NormalFrame frame, double[] error, double[] force)
    {
        double tangent = Ratio(Vectors.Norm(frame.ProjectTangent(error)), Vectors.Norm(frame.ProjectTangent(force)));
        double normal = Ratio(Vectors.Norm(frame.Coordinates(error)), Vectors.Norm(frame.Coordinates(force)));
        return Math.Max(tangent, normal);
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;

    /// <summary><c>½ Σ_d [∇L(θ + c d) + ∇L(θ − c d) − 2∇L(θ)]</c> over directions d, from the engine's exact gradient.</summary>
    private sealed class SymmetricRule(TheoryCase @case)
    {
        private readonly double[] _center = Gradient(@case, @case.Theta);

        public double[] Apply(double scale, IEnumerable<double[]> directions)
        {
            int p = _center.Length;
            var sum = new double[p];
            var point = new double[p];
            foreach (var d in directions)
                for (int sign = -1; sign <= 1; sign += 2)
                {
                    for (int q = 0; q < p; q++) point[q] = @case.Theta[q] + sign * scale * d[q];
                    var g = Gradient(@case, point);
                    for (int q = 0; q < p; q++) sum[q] += 0.5 * (g[q] - _center[q]);
                }
            return sum;
        }

        private static double[] Gradient(TheoryCase @case, double[] theta)
        {
            var g = new double[@case.Model.ParameterCount];
            @case.Model.LossGradient(theta, @case.Data.X, @case.Data.Y, g, @case.Model.CreateWorkspace(@case.Count));
            return g;
        }
    }
}
