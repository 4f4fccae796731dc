using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The OU floor of label noise on the support of the quadratic model (docs/theory.md §7), at a base point β_b of the
/// support: <c>D = diag(2√β_b)</c>, <c>G_S = D A D</c> with <c>A = X_SᵀX_S/n</c>, stationary covariance of u
/// <c>(ησ²/2B) I_S</c>, so <c>E‖β_S − β_b‖² = (2ησ²/B) Σ_S β_b,j</c>; after a step change from η' the excess
/// <c>c = (η' − η)σ²/2B</c> decays as <c>c tr(D (I − ηG_S)^{2t} D)</c> (the transient, part of the prediction).
/// </summary>
/// <param name="Prediction">The floor plus the transient, averaged over the reads.</param>
/// <param name="Bias">
/// The stated bias: the finite-η correction of the covariance (relative <c>η max_i ‖g_i‖²</c>, η' for the transient's
/// start) and the <c>u ⊙ u</c> term <c>3 Σ_S v_j²</c> with <c>v_j ≤ ησ²/2B + c(1 − ηλ_min)^{2t}</c>, averaged over the reads.
/// </param>
public sealed record SparseOuFloor(double Prediction, double Bias)
{
    /// <summary>
    /// The floor at <paramref name="baseSupport"/> (β_b on the support, in its order) for step η after η', read
    /// <paramref name="reads"/> steps into the phase.
    /// </summary>
    public static SparseOuFloor At(SparseRegressionProblem problem, IReadOnlyList<double> baseSupport, double eta, double previousEta,
        double sigma, int batch, IReadOnlyList<int> reads)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(baseSupport);
        ArgumentNullException.ThrowIfNull(reads);
        var support = problem.Support;
        int s = support.Length, n = problem.Data.Count;
        var beta = baseSupport.Select(b => Math.Max(b, 0)).ToArray();
        double variance = eta * sigma * sigma / (2.0 * batch), excess = (previousEta - eta) * sigma * sigma / (2.0 * batch);
        double floor = 4 * variance * beta.Sum();
        var d = Vector<double>.Build.Dense(s, k => 2 * Math.Sqrt(beta[k]));
        var g = Matrix<double>.Build.Dense(s, s, (a, b) =>
            d[a] * d[b] * Enumerable.Range(0, n).Sum(i => problem.Data.Row(i)[support[a]] * problem.Data.Row(i)[support[b]]) / n);
        var evd = g.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        var weight = Enumerable.Range(0, s).Select(k => evd.EigenVectors.Column(k).PointwiseMultiply(d).DotProduct(evd.EigenVectors.Column(k).PointwiseMultiply(d))).ToArray();
        double Decay(double l, int t) => Math.Pow(1 - eta * l, 2.0 * t);
        double transient = reads.Average(t => excess * Enumerable.Range(0, s).Sum(k => weight[k] * Decay(lambda[k], t)));
        double largest = Enumerable.Range(0, n).Max(i => Enumerable.Range(0, s).Sum(k => d[k] * d[k] * problem.Data.Row(i)[support[k]] * problem.Data.Row(i)[support[k]]));
        double quartic = reads.Average(t => 3 * s * Math.Pow(variance + excess * Decay(lambda.Min(), t), 2));
        return new SparseOuFloor(floor + transient, (floor * eta + transient * previousEta) * largest + quartic);
    }
}
