using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The bias bound of the OU rows (docs/theory.md §3.5, "The OU rows"): what the measured second moment of the normal
/// coordinates about θ*, <c>E[u uᵀ]</c> averaged over a stationary start's snapshots, holds beyond S. Three parts, each
/// an absolute bound on <c>vᵀ(E[u uᵀ] − S)v</c> for a unit v in normal coordinates:
/// <list type="bullet">
/// <item>the stated fourth and higher orders, <c>C λ_max(S) · vᵀSv</c> (<see cref="SuiteBudget.RemainderBound"/>);</item>
/// <item>the covariance change of order T², <c>δS + Δ + Δᵀ</c> (<see cref="FluctuationCoupling"/>), bounded at every step
/// of the window by the same series with <c>|T|</c> and <c>|ρ|</c>: from a stationary start u₂ and u₃ start at 0 and
/// their moments are partial sums of these series;</item>
/// <item>the mean offset, <c>(1/|snapshots|) Σ_k (vᵀ m_k)²</c> (<see cref="MeanNormalOffset.AtStep"/>), since the
/// moment is taken about θ*, not about the chains' mean.</item>
/// </list>
/// </summary>
/// <param name="Covariance">The predicted S.</param>
/// <param name="Stated">The stated relative remainder <c>C λ_max(S)</c>.</param>
/// <param name="Change">
/// The entrywise bound <c>B ≥ |δS + Δ + Δᵀ|</c> on the T² change, in the eigenbasis of G (so
/// <c>|wᵀ(δS + Δ + Δᵀ)w| ≤ |w|ᵀ B |w|</c>).
/// </param>
/// <param name="HessianEigenvectors">The eigenvectors of G (columns, normal coordinates) that <paramref name="Change"/> is in.</param>
/// <param name="Offset">The snapshot average of <c>m_k m_kᵀ</c>, in normal coordinates.</param>
public sealed record CovarianceRemainder(OuCovariance Covariance, double Stated, Matrix<double> Change,
    Matrix<double> HessianEigenvectors, Matrix<double> Offset)
{
    /// <summary>
    /// The bound for the stationary start of <paramref name="case"/> with covariance <paramref name="covariance"/>,
    /// read at <paramref name="snapshotSteps"/>.
    /// </summary>
    public static CovarianceRemainder Of(TheoryCase @case, OuCovariance covariance, IReadOnlyList<int> snapshotSteps)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(snapshotSteps);
        var frame = @case.Frame;
        int n = frame.Count;
        var offset = MeanNormalOffset.At(@case.Model, @case.Theta, @case.Data, frame, covariance, @case.Sgd);
        var coupling = FluctuationCoupling.Of(@case.Model, @case.Theta, @case.Data, frame, covariance, offset);
        var v = offset.HessianEigenvectors;
        var s = Enumerable.Range(0, n).Select(j => (covariance.Matrix * v.Column(j)).DotProduct(v.Column(j))).ToArray();
        var rho = offset.HessianEigenvalues.Select(lambda => 1 - offset.Eta * lambda).ToArray();
        var bound = ChangeBound(coupling.Tensor, s, rho, offset.Eta);
        var mean = Matrix<double>.Build.Dense(n, n);
        foreach (int k in snapshotSteps)
        {
            var m = Vector<double>.Build.DenseOfArray(offset.AtStep(k));
            mean += m.OuterProduct(m);
        }
        if (snapshotSteps.Count > 0) mean /= snapshotSteps.Count;
        return new CovarianceRemainder(covariance, SuiteBudget.RemainderBound(covariance), bound, v, mean);
    }

    /// <summary>The stated remainder alone (<c>relative · vᵀSv</c>), for a covariance without a case (a transient).</summary>
    public static CovarianceRemainder StatedOnly(OuCovariance covariance, double relative)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int n = covariance.Eigenvalues.Length;
        var zero = Matrix<double>.Build.Dense(n, n);
        return new CovarianceRemainder(covariance, relative, zero, Matrix<double>.Build.DenseIdentity(n), zero);
    }

    /// <summary>The bound on <c>|vᵀ(E[u uᵀ] − S)v|</c> for a unit <paramref name="direction"/> in normal coordinates.</summary>
    public double Along(Vector<double> direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        var a = (HessianEigenvectors.Transpose() * direction).PointwiseAbs();
        return Stated * Math.Abs((Covariance.Matrix * direction).DotProduct(direction)) + a * Change * a
            + (Offset * direction).DotProduct(direction);
    }

    /// <summary>The bound on <c>|tr(E[u uᵀ] − S)|</c>.</summary>
    public double OfTrace() => Stated * Math.Abs(Covariance.Trace) + Change.Trace() + Offset.Trace();

    /// <summary>
    /// The entrywise bound <c>B</c> on <c>|δS_t + Δ_t + Δ_tᵀ|</c> at every step t of a window from a stationary u₁ and
    /// <c>u₂ = u₃ = 0</c>: <see cref="FluctuationCoupling.CovarianceChange"/> and
    /// <see cref="FluctuationCoupling.CrossCovariance"/> with <c>|T|</c> and <c>|ρ|</c>, the series whose partial sums
    /// the moments at step t are, each term taken in absolute value (docs/theory.md §3.5, "The OU rows").
    /// </summary>
    public static Matrix<double> ChangeBound(double[,,] tensor, double[] s, double[] rho, double eta)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(rho);
        var absolute = Absolute(tensor);
        var factors = rho.Select(Math.Abs).ToArray();
        var change = FluctuationCoupling.CovarianceChange(absolute, s, factors, eta);
        var cross = FluctuationCoupling.CrossCovariance(absolute, s, factors, eta);
        return change + cross + cross.Transpose();
    }

    private static double[,,] Absolute(double[,,] tensor)
    {
        var result = (double[,,])tensor.Clone();
        for (int i = 0; i < result.GetLength(0); i++)
            for (int j = 0; j < result.GetLength(1); j++)
                for (int k = 0; k < result.GetLength(2); k++)
                    result[i, j, k] = Math.Abs(result[i, j, k]);
        return result;
    }
}
