using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Ou;

/// <summary>
/// The stationary covariance S of the OU process <c>u_{k+1} = (I − ηA_k) u_k + (η/B) Σ ε_{k,i} g_i</c> in the normal
/// coordinates of a <see cref="NormalFrame"/> (docs/theory.md §2). Only the noise variance σ² enters: the noise law
/// (Gaussian or Rademacher) changes higher moments of u, never S. Every exact form first refuses
/// <c>η λ_max ≥ 2</c> with the limit <c>2/λ_max</c> (<see cref="SgdProblem.RequireStable"/>).
/// </summary>
public static class StationaryCovariance
{
    /// <summary>
    /// The exact finite-η S: <see cref="FullBatch"/> when B = n, otherwise <see cref="Minibatch"/> (docs/theory.md §2).
    /// </summary>
    public static OuCovariance Exact(NormalFrame frame, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(frame);
        return sgd.Batch == frame.Count ? FullBatch(frame, sgd) : Minibatch(frame, sgd);
    }

    /// <summary>
    /// Full batch, exact: <c>S = (ησ²/n) (2I − ηG)⁻¹</c> on N, i.e. variance <c>ησ²/(n(2 − ηλ))</c> along each
    /// eigenvector of G (docs/theory.md §2). Requires B = n and <c>η λ_max &lt; 2</c>.
    /// </summary>
    public static OuCovariance FullBatch(NormalFrame frame, SgdProblem sgd)
    {
        sgd.Validate(frame.Count);
        sgd.RequireStable(frame.LargestHessianEigenvalue);
        int n = frame.Count;
        if (sgd.Batch != n)
            throw new InvalidInputException("batch", $"the full-batch form needs B = n = {n}, got {sgd.Batch}");
        var twoMinusEtaG = Matrix<double>.Build.DenseIdentity(n) * 2 - frame.NormalHessian * sgd.Eta;
        var s = twoMinusEtaG.Inverse() * (sgd.Eta * sgd.Sigma * sgd.Sigma / n);
        return OuCovariance.Of(s, "full-batch exact");
    }

    /// <summary>
    /// Minibatch, exact: the solution of <c>S = T(S) + (η²σ²/B) G</c> with T the <see cref="SecondMomentMap"/>
    /// (docs/theory.md §2), solved as a linear system on symmetric n × n matrices (size n(n+1)/2). Refuses, on field
    /// <c>eta</c>, when the spectral radius of T is ≥ 1 (the second moment diverges). For B = n this reproduces
    /// <see cref="FullBatch"/>.
    /// </summary>
    public static OuCovariance Minibatch(NormalFrame frame, SgdProblem sgd)
    {
        sgd.Validate(frame.Count);
        sgd.RequireStable(frame.LargestHessianEigenvalue);
        var map = new SecondMomentMap(frame, sgd);
        var basis = new SymmetricBasis(frame.Count);
        var t = basis.MatrixOf(map.Apply);
        var system = Matrix<double>.Build.DenseIdentity(basis.Dimension) - t;
        var source = basis.Coordinates(frame.NormalHessian * (sgd.Eta * sgd.NoiseScale));
        Vector<double> solution;
        try
        {
            solution = system.Cholesky().Solve(source);
        }
        catch (ArgumentException)
        {
            throw Divergent(sgd, t);
        }
        var s = basis.Matrix(solution);
        var result = OuCovariance.Of(s, "minibatch exact");
        if (!(result.Eigenvalues[0] >= 0)) throw Divergent(sgd, t);
        return result;
    }

    /// <summary>Leading order: <c>S ≈ (ησ²/(2B)) Π_N</c>, i.e. <c>(ησ²/(2B)) I</c> in normal coordinates (docs/theory.md §2).</summary>
    public static OuCovariance LeadingOrder(NormalFrame frame, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        sgd.Validate(frame.Count);
        var s = Matrix<double>.Build.DenseIdentity(frame.Count) * (sgd.NoiseScale / 2);
        return OuCovariance.Of(s, "leading order");
    }

    private static InvalidInputException Divergent(SgdProblem sgd, Matrix<double> t)
    {
        double radius = t.Evd(Symmetricity.Symmetric).EigenValues.Max(z => Math.Abs(z.Real));
        return new InvalidInputException("eta",
            $"η = {Guard.Format(sgd.Eta)} with batch B = {sgd.Batch}: the minibatch second-moment map has spectral " +
            $"radius {Guard.Format(radius)} ≥ 1, so the OU covariance diverges; use a smaller η");
    }
}
