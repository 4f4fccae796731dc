using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The mean normal offset of label-noise SGD at θ* ∈ M (docs/theory.md §3.9), in the normal coordinates of the frame:
/// the mean map <c>m_{k+1} = (I − ηG) m_k − η Qᵀ b(S)</c> from <c>m_0 = 0</c> (a stationary start), solved exactly,
/// <c>m_k = (I − (I − ηG)^k) m_∞</c> with <c>m_∞ = −G⁻¹ Qᵀ b(S)</c>. Full batch and minibatch alike: the batch average
/// of <c>A_k</c> is G and of the second-order term is <c>b(S)</c>; the batch size enters through S only.
/// </summary>
/// <param name="Force"><c>b(S)</c> (length p, <see cref="SecondOrderForce"/>).</param>
/// <param name="NormalForce"><c>Qᵀ b(S)</c>, the coordinates of <c>Π_N b(S)</c> (length n).</param>
/// <param name="Stationary"><c>m_∞ = −G⁻¹ Qᵀ b(S)</c> (length n).</param>
/// <param name="HessianEigenvalues">The eigenvalues λ of G on N, ascending.</param>
/// <param name="HessianEigenvectors">Their unit eigenvectors (columns), in normal coordinates.</param>
/// <param name="Eta">The step size η.</param>
public sealed record MeanNormalOffset(double[] Force, double[] NormalForce, double[] Stationary, double[] HessianEigenvalues,
    Matrix<double> HessianEigenvectors, double Eta)
{
    /// <summary>The offset at θ* for the exact stationary S of the SGD settings.</summary>
    public static MeanNormalOffset At(Model model, ReadOnlySpan<double> theta, Dataset data, NormalFrame frame, OuCovariance covariance,
        SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        var force = SecondOrderForce.Of(model, theta, data, frame, covariance);
        var normal = frame.Coordinates(force);
        var evd = frame.NormalHessian.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, frame.Count).OrderBy(k => evd.EigenValues[k].Real).ToArray();
        var values = order.Select(k => evd.EigenValues[k].Real).ToArray();
        var vectors = Matrix<double>.Build.Dense(frame.Count, frame.Count, (i, j) => evd.EigenVectors[i, order[j]]);
        var stationary = (-frame.NormalHessian.Solve(Vector<double>.Build.Dense(normal))).ToArray();
        return new MeanNormalOffset(force, normal, stationary, values, vectors, sgd.Eta);
    }

    /// <summary><c>|m_∞|</c>.</summary>
    public double Size => Vectors.Norm(Stationary);

    /// <summary>
    /// <c>m_k = Σ_j (1 − (1 − ηλ_j)^k) (v_jᵀ m_∞) v_j</c>; <paramref name="timeScale"/> ≠ 1 replaces k by
    /// <c>timeScale · k</c> (2 is the power check's wrong time constant <c>1/(2ηλ)</c>).
    /// </summary>
    public double[] AtStep(int k, double timeScale = 1)
    {
        if (k < 0) throw new InvalidInputException("steps", $"must be non-negative, got {k}");
        var result = new double[Stationary.Length];
        for (int j = 0; j < HessianEigenvalues.Length; j++)
        {
            var v = HessianEigenvectors.Column(j);
            double along = 0;
            for (int i = 0; i < result.Length; i++) along += v[i] * Stationary[i];
            double grown = 1 - Math.Pow(1 - Eta * HessianEigenvalues[j], timeScale * k);
            for (int i = 0; i < result.Length; i++) result[i] += grown * along * v[i];
        }
        return result;
    }

    /// <summary>
    /// The factor by which the power check's time constant <c>1/(2ηλ_j)</c> changes the growth along eigenvector j of G at
    /// step k: <c>(1 − (1 − ηλ_j)^{2k}) / (1 − (1 − ηλ_j)^k)</c>.
    /// </summary>
    public double HalvedTimeConstantFactor(int j, int k)
    {
        double q = Math.Pow(1 - Eta * HessianEigenvalues[j], k);
        return q == 1 ? 2 : (1 - q * q) / (1 - q);
    }
}
