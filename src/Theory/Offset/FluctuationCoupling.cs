using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The derived part of the remainder of a corrected prediction (docs/theory.md §3.5): the covariance change that the
/// second-order force's own fluctuation causes, and the force it adds. In the eigenbasis <c>(λ_l, v_l)</c> of G on N,
/// <c>q_l = Q v_l</c>, the third derivative of L at θ* ∈ M restricted to N is, exactly from n² Hessian-vector products,
/// <c>T_jkl = (1/n) Σ_i [(g_i·q_k)(q_l·H_i q_j) + (g_i·q_j)(q_l·H_i q_k) + (q_j·H_i q_k)(g_i·q_l)]</c>.
/// The fluctuating part of the force <c>½ T[u, u] − b(S)</c> drives the normal coordinates through the mean map's
/// <c>I − ηG</c>; its stationary covariance (Gaussian u, <c>s_j = v_jᵀ S v_j</c>, <c>ρ_j = 1 − ηλ_j</c>) is
/// <c>δS_lm = ½ η² Σ_{j,k} T_jkl T_jkm s_j s_k R(ρ_l, ρ_m, ρ_j ρ_k)</c>,
/// <c>R(a, b, c) = Σ_{t,t′≥0} a^t b^{t′} c^{|t−t′|} = (1 − abc²) / ((1 − ab)(1 − ac)(1 − bc))</c>, of relative size
/// <c>‖T‖² λ_max(S) / (λ_min(G) λ(G))</c>; its force is <c>b(δS)</c>.
/// </summary>
/// <param name="Tensor"><c>T_jkl</c>, indexed <c>[j, k, l]</c> in the eigenbasis of G (ascending λ).</param>
/// <param name="Covariance"><c>δS</c> in the eigenbasis of G.</param>
/// <param name="Force"><c>b(δS)</c> (length p), the second-order force of the covariance change.</param>
public sealed record FluctuationCoupling(double[,,] Tensor, Matrix<double> Covariance, double[] Force)
{
    /// <summary>δS and its force at θ* for the offset's eigenbasis of G and the stationary S.</summary>
    public static FluctuationCoupling Of(Model model, ReadOnlySpan<double> theta, Dataset data, NormalFrame frame,
        OuCovariance covariance, MeanNormalOffset offset)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(offset);
        int n = frame.Count, p = frame.ParameterCount;
        var v = Enumerable.Range(0, n).Select(j => offset.HessianEigenvectors.Column(j)).ToArray();
        var q = v.Select(c => frame.Embed(c.ToArray())).ToArray();
        var ws = model.CreateWorkspace(n);
        var hq = new double[n][][];
        var along = new double[n][];
        var tensor = new double[n, n, n];
        for (int i = 0; i < n; i++)
        {
            var c = frame.GradientCoordinates(i);
            along[i] = v.Select(c.DotProduct).ToArray();
            hq[i] = new double[n][];
            var h = new double[n, n];
            for (int j = 0; j < n; j++)
            {
                hq[i][j] = new double[p];
                model.HessianVector(theta, data.Row(i), q[j], hq[i][j], ws);
                for (int l = 0; l < n; l++) h[j, l] = Vectors.Dot(q[l], hq[i][j]);
            }
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                    for (int l = 0; l < n; l++)
                        tensor[j, k, l] += (along[i][k] * h[j, l] + along[i][j] * h[k, l] + h[j, k] * along[i][l]) / n;
        }
        var s = v.Select(c => (covariance.Matrix * c).DotProduct(c)).ToArray();
        var rho = offset.HessianEigenvalues.Select(lambda => 1 - offset.Eta * lambda).ToArray();
        var delta = CovarianceChange(tensor, s, rho, offset.Eta);
        return new FluctuationCoupling(tensor, delta, ForceOf(delta, frame, q, hq, along));
    }

    /// <summary>
    /// <c>δS_lm = ½ η² Σ_{j,k} T_jkl T_jkm s_j s_k R(ρ_l, ρ_m, ρ_j ρ_k)</c>: the stationary covariance of
    /// <c>u₂_{k+1} = diag(ρ) u₂_k − η (½ T[u₁, u₁] − ½ T[S])</c> driven by a Gaussian <c>u₁</c> with independent
    /// coordinates of variance <c>s_j</c> and factor <c>ρ_j</c> per step.
    /// </summary>
    public static Matrix<double> CovarianceChange(double[,,] tensor, double[] s, double[] rho, double eta)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rho);
        int n = s.Length;
        var delta = Matrix<double>.Build.Dense(n, n);
        for (int l = 0; l < n; l++)
            for (int m = 0; m < n; m++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                    for (int k = 0; k < n; k++)
                        sum += tensor[j, k, l] * tensor[j, k, m] * s[j] * s[k] * Response(rho[l], rho[m], rho[j] * rho[k]);
                delta[l, m] = 0.5 * eta * eta * sum;
            }
        return delta;
    }

    /// <summary>
    /// <c>Σ_{t,t′ ≥ 0} a^t b^{t′} c^{|t−t′|} = (1 − abc²) / ((1 − ab)(1 − ac)(1 − bc))</c>: the covariance of two modes with
    /// factors a and b per step driven by one forcing with autocorrelation <c>c^{|t|}</c>.
    /// </summary>
    public static double Response(double a, double b, double c) =>
        (1 - a * b * c * c) / ((1 - a * b) * (1 - a * c) * (1 - b * c));

    /// <summary><c>b(δS) = (1/n) Σ_i (½ tr(H_i δS) g_i + H_i δS g_i)</c> from the stored <c>H_i q_l</c>.</summary>
    private static double[] ForceOf(Matrix<double> delta, NormalFrame frame, double[][] q, double[][][] hq, double[][] along)
    {
        int n = q.Length, p = frame.ParameterCount;
        var force = new double[p];
        for (int i = 0; i < n; i++)
        {
            double trace = 0;
            for (int l = 0; l < n; l++)
            {
                double weight = 0;
                for (int m = 0; m < n; m++)
                {
                    weight += delta[l, m] * along[i][m];
                    trace += delta[l, m] * Vectors.Dot(q[m], hq[i][l]);
                }
                Vectors.AddScaled(force, hq[i][l], weight / n);
            }
            Vectors.AddScaled(force, frame.ExampleGradient(i), 0.5 * trace / n);
        }
        return force;
    }

    /// <summary>
    /// The relative size of the force of δS against <paramref name="force"/> = <c>b(S)</c>, the larger of its tangent
    /// and its normal parts: <c>max(|P b(δS)| / |P b(S)|, |Qᵀ b(δS)| / |Qᵀ b(S)|)</c> (0 where S = 0).
    /// </summary>
    public double RelativeTo(NormalFrame frame, double[] force)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(force);
        double tangent = Ratio(Vectors.Norm(frame.ProjectTangent(Force)), Vectors.Norm(frame.ProjectTangent(force)));
        double normal = Ratio(Vectors.Norm(frame.Coordinates(Force)), Vectors.Norm(frame.Coordinates(force)));
        return Math.Max(tangent, normal);
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;
}
