using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Ou;

/// <summary>The covariance after k steps from <c>u_0 = 0</c> (docs/theory.md §2, "Transient").</summary>
public static class TransientCovariance
{
    /// <summary>
    /// Full batch: <c>S_k = S − (I − ηG)^k S (I − ηG)^k</c>, with S the exact full-batch covariance (docs/theory.md §2).
    /// </summary>
    public static OuCovariance FullBatch(NormalFrame frame, SgdProblem sgd, int steps)
    {
        if (steps < 0) throw new Engine.Validation.InvalidInputException("steps", $"must be non-negative, got {steps}");
        var s = StationaryCovariance.FullBatch(frame, sgd).Matrix;
        var evd = frame.NormalHessian.Evd(Symmetricity.Symmetric);
        var contraction = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(
            evd.EigenValues.Map(z => Math.Pow(1 - sgd.Eta * z.Real, steps))) * evd.EigenVectors.Transpose();
        return OuCovariance.Of(s - contraction * s * contraction, $"full-batch transient k={steps}");
    }

    /// <summary>
    /// Minibatch: <c>S_k = S − T^k(S)</c> with T the <see cref="SecondMomentMap"/> and S the exact minibatch
    /// covariance, since <c>S_{k+1} = T(S_k) + (η²σ²/B) G</c> from <c>S_0 = 0</c> (docs/theory.md §2).
    /// </summary>
    public static OuCovariance Minibatch(NormalFrame frame, SgdProblem sgd, int steps)
    {
        if (steps < 0) throw new Engine.Validation.InvalidInputException("steps", $"must be non-negative, got {steps}");
        var s = StationaryCovariance.Minibatch(frame, sgd).Matrix;
        var map = new SecondMomentMap(frame, sgd);
        var remainder = s;
        for (int k = 0; k < steps; k++) remainder = map.Apply(remainder);
        return OuCovariance.Of(s - remainder, $"minibatch transient k={steps}");
    }

    /// <summary>The relaxation time <c>1/(η λ_min)</c> in steps, λ_min the smallest eigenvalue of G on N (docs/theory.md §2).</summary>
    public static double RelaxationSteps(NormalFrame frame, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        return 1.0 / (sgd.Eta * frame.HessianEigenvalues[0]);
    }
}
