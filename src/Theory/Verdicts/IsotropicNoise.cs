using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The isotropic parameter-noise control of docs/theory.md §3: <c>θ += τ ξ</c> after each plain-GD step, with τ chosen so
/// that the stationary normal variance has the same trace as label noise. In normal coordinates the isotropic
/// stationary covariance solves <c>S = T(S) + τ² I</c>; it weights the flat directions of G far more than label noise
/// does (<c>τ² / (ηλ(2 − ηλ))</c> against <c>ησ²/(n(2 − ηλ))</c>), so its drift is not the label-noise drift.
/// </summary>
public static class IsotropicNoise
{
    /// <summary>The stationary normal covariance for isotropic noise of scale τ (full batch or minibatch map T).</summary>
    public static OuCovariance Stationary(TheoryCase @case, double tau)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var map = new SecondMomentMap(@case.Frame, @case.Sgd);
        int n = @case.Count;
        var basis = new SymmetricBasis(n);
        var identity = Matrix<double>.Build.DenseIdentity(basis.Dimension);
        var system = identity - basis.MatrixOf(map.Apply);
        var solution = system.Solve(basis.Coordinates(Matrix<double>.Build.DenseIdentity(n) * (tau * tau)));
        return OuCovariance.Of(basis.Matrix(solution), $"isotropic τ={tau:G3}");
    }

    /// <summary>τ whose stationary normal covariance has the trace of the label-noise S.</summary>
    public static double MatchingScale(TheoryCase @case, OuCovariance labelNoise)
    {
        ArgumentNullException.ThrowIfNull(labelNoise);
        double unitTrace = Stationary(@case, 1.0).Trace;
        return Math.Sqrt(labelNoise.Trace / unitTrace);
    }
}
