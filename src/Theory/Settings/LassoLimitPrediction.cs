using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// What full-batch label-noise GD on <c>⟨θ⊙θ, x⟩</c> does near the non-negative weighted Lasso solution β_L
/// (docs/theory.md §7.1): in the suite's conventions (step η, label noise σ on all n
/// labels) the exact log step <c>log β_j ← log β_j + 2 log|1 − 2η z_j|</c>, <c>z_j = (Xᵀ(r − ε)/n)_j</c>, has mean
/// <c>−2η ∂_jF(β) − 4η c_j</c> with <c>F = ‖X̄β − ȳ‖² + δ̄⟨h̄, β⟩</c>, <c>δ̄ = 2ησ²/n</c>: on the active set the
/// stationary mean <c>E β_S</c> is β_L up to <c>A⁻¹c_S</c> (<see cref="SupportBias"/>), and off it <c>log β_j</c> falls
/// at <c>2η ∂_jF(β_L)</c> per step up to <c>4η c_j</c> and the support's bias (<see cref="RateBias"/>).
/// </summary>
public sealed class LassoLimitPrediction
{
    /// <summary>β_L entries above this are the active set S.</summary>
    public const double ActiveThreshold = 1e-8;

    private LassoLimitPrediction(int[] active, int[] inactive, double deltaBar, double[] gap, double[] correction,
        double[] supportBias, Matrix<double> products)
    {
        (Active, Inactive, DeltaBar, Gap, Correction, SupportBias, _products) = (active, inactive, deltaBar, gap, correction, supportBias, products);
    }

    /// <summary><c>XᵀX/n</c> (d × d).</summary>
    private readonly Matrix<double> _products;

    /// <summary>S: the coordinates where β_L exceeds <see cref="ActiveThreshold"/>, ascending.</summary>
    public int[] Active { get; }

    /// <summary>The other coordinates, ascending.</summary>
    public int[] Inactive { get; }

    /// <summary><c>δ̄ = 2ησ²/n</c> (Pillaud-Vivien et al.'s <c>γδ/n</c> with γ = 2η, δ = σ²).</summary>
    public double DeltaBar { get; }

    /// <summary><c>∂_jF(β_L) = 2(X̄ᵀ(X̄β_L − ȳ))_j + δ̄h̄_j</c> for every j: 0 on S, ≥ 0 off it (the KKT gap).</summary>
    public double[] Gap { get; }

    /// <summary>
    /// <c>c_j = η(q_j + m_j²) + R_j</c>: the second-order term of <c>E[−log(1 − 2ηz_j)]/2η</c> beyond the label noise's
    /// <c>ησ²h̄_j/n</c>, with <c>m_j = (Xᵀ(Xβ_L − y)/n)_j</c>, <c>q_j = a_jᵀV a_j</c> the variance of
    /// <c>(Xᵀr/n)_j</c> under the OU covariance V of β_S, and R_j the bound on the cubic and higher terms.
    /// </summary>
    public double[] Correction { get; }

    /// <summary>Per active coordinate (in the order of <see cref="Active"/>): <c>(|A⁻¹| c_S)_k</c>, the bound on <c>|E β_S − β_L|</c> before the off-support shift.</summary>
    public double[] SupportBias { get; }

    /// <summary>
    /// The prediction from the solved Lasso <paramref name="lasso"/> on <paramref name="data"/> with weights h̄, step η
    /// and label noise σ on all labels (full batch).
    /// </summary>
    public static LassoLimitPrediction Of(Dataset data, IReadOnlyList<double> weights, IReadOnlyList<double> lasso, double eta, double sigma)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(lasso);
        int d = data.Dimension, n = data.Count;
        Guard.Length(weights.Count, d, "weights");
        Guard.Length(lasso.Count, d, "lasso");
        var active = Enumerable.Range(0, d).Where(j => lasso[j] > ActiveThreshold).ToArray();
        var inactive = Enumerable.Range(0, d).Except(active).ToArray();
        if (active.Length == 0) throw new InvalidInputException("lasso", "is zero: the Lasso has no active coordinate");
        var x = Matrix<double>.Build.Dense(n, d, (i, j) => data.X[i * d + j]);
        var y = Vector<double>.Build.DenseOfArray(data.Y);
        var betaL = Vector<double>.Build.Dense(d, j => active.Contains(j) ? lasso[j] : 0);
        double deltaBar = 2 * eta * sigma * sigma / n;
        var m = x.TransposeThisAndMultiply(x * betaL - y) / n;
        var gap = Enumerable.Range(0, d).Select(j => 2 * m[j] + deltaBar * weights[j]).ToArray();

        var products = x.TransposeThisAndMultiply(x) / n;
        var gram = Matrix<double>.Build.Dense(active.Length, active.Length, (k, l) => products[active[k], active[l]]);
        var cross = Matrix<double>.Build.Dense(active.Length, d, (k, j) => products[active[k], j]);
        var twoTheta = Matrix<double>.Build.DiagonalOfDiagonalArray([.. active.Select(j => 2 * Math.Sqrt(lasso[j]))]);
        var g = twoTheta * gram * twoTheta;
        double largest = g.Evd().EigenValues.Max(e => e.Real);
        if (eta * largest >= 2)
            throw new InvalidInputException("eta", $"= {eta} is at or beyond the stability limit 2/λ_max = {2 / largest:G4} at the Lasso solution");
        var covariance = eta * sigma * sigma / n * twoTheta * (2 * Matrix<double>.Build.DenseIdentity(active.Length) - eta * g).Inverse() * twoTheta;

        var correction = new double[d];
        for (int j = 0; j < d; j++)
        {
            var a = cross.Column(j);
            double q = a * covariance * a, mean = m[j], variance = sigma * sigma * weights[j] / n + q;
            double cubic = 4.0 / 3 * eta * eta * Math.Abs(mean * mean * mean + 3 * mean * variance);
            double quartic = 4 * eta * eta * eta * (3 * variance * variance + 6 * mean * mean * variance + Math.Pow(mean, 4));
            correction[j] = eta * (q + mean * mean) + cubic + quartic;
        }
        var inverse = gram.Inverse().PointwiseAbs();
        var supportBias = (inverse * Vector<double>.Build.Dense(active.Length, k => correction[active[k]])).ToArray();
        return new LassoLimitPrediction(active, inactive, deltaBar, gap, correction, supportBias, products);
    }

    /// <summary>
    /// <c>A⁻¹ (X_SᵀX_off/n) β_off</c> per active coordinate, <c>A = X_SᵀX_S/n</c>: how far off-support mass (the
    /// inactive entries of <paramref name="beta"/>) moves the stationary mean of β_S.
    /// </summary>
    public double[] SupportShift(IReadOnlyList<double> beta)
    {
        ArgumentNullException.ThrowIfNull(beta);
        var gram = Matrix<double>.Build.Dense(Active.Length, Active.Length, (k, l) => _products[Active[k], Active[l]]);
        var feed = Vector<double>.Build.Dense(Active.Length, k => Inactive.Sum(j => _products[Active[k], j] * beta[j]));
        return gram.Solve(feed).ToArray();
    }

    /// <summary><c>−2η ∂_jF(β_L)</c>: the predicted mean change of <c>log β_j</c> per step, for each inactive j.</summary>
    public double[] Rate(double eta) => [.. Inactive.Select(j => -2 * eta * Gap[j])];

    /// <summary>
    /// The bound on <c>|E Δlog β_j − Rate_j|</c> per inactive j at the measured mean β <paramref name="beta"/>:
    /// <c>4η(c_j + Σ_{k∈S} |(XᵀX/n)_jk| b_k + |Σ_{l∉S} (XᵀX/n)_jl β_l|)</c>, with b the bound on <c>|E β_S − β_L|</c>
    /// (<see cref="SupportBias"/> plus the <see cref="SupportShift"/>).
    /// </summary>
    public double[] RateBias(double eta, IReadOnlyList<double> beta)
    {
        ArgumentNullException.ThrowIfNull(beta);
        var shift = SupportShift(beta);
        return [.. Inactive.Select(j => 4 * eta * (Correction[j]
            + Enumerable.Range(0, Active.Length).Sum(k => Math.Abs(_products[j, Active[k]]) * (SupportBias[k] + Math.Abs(shift[k])))
            + Math.Abs(Inactive.Sum(l => _products[j, l] * beta[l]))))];
    }
}
