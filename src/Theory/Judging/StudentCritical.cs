using MathNet.Numerics;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The critical value of a mean whose standard error is itself estimated from N independent samples (docs/theory.md
/// §5, "Few samples"): <c>(mean − μ)/(s/√N)</c> follows Student's t with <c>ν = N − 1</c> degrees of freedom, not the
/// normal law, so the same per-comparison false-alarm probability p needs <c>t_ν⁻¹(1 − p/2)</c>, not <c>Φ⁻¹(1 − p/2)</c>.
/// At the suite's <c>p = α/M = 5e-11</c> the two differ by a factor 10 at ν = 7, 1.5 at ν = 31, 4% at ν = 299.
/// </summary>
public static class StudentCritical
{
    /// <summary>
    /// The two-sided tail <c>P(|T| > t)</c> of Student's t with <paramref name="freedom"/> degrees of freedom,
    /// <c>I_{ν/(ν+t²)}(ν/2, ½)</c>, accurate in relative terms far into the tail (regularized incomplete beta).
    /// </summary>
    public static double TwoSidedTail(double t, int freedom)
    {
        Guard.Positive(freedom, "freedom");
        if (!(t >= 0)) throw new InvalidInputException("t", $"must be a finite non-negative number, got {Guard.Format(t)}");
        return SpecialFunctions.BetaRegularized(0.5 * freedom, 0.5, freedom / (freedom + t * t));
    }

    /// <summary>
    /// The t with <c>P(|T| > t) = p</c> for ν = <paramref name="freedom"/> (bisection on the monotone tail, to a
    /// relative 1e-12 in t).
    /// </summary>
    public static double Quantile(double twoSidedProbability, int freedom)
    {
        Guard.Positive(freedom, "freedom");
        if (!(twoSidedProbability > 0 && twoSidedProbability < 1))
            throw new InvalidInputException("twoSidedProbability", $"must be in (0, 1), got {Guard.Format(twoSidedProbability)}");
        double lo = 0, hi = 1;
        while (TwoSidedTail(hi, freedom) > twoSidedProbability) { lo = hi; hi *= 2; }
        while (hi - lo > 1e-12 * hi)
        {
            double mid = 0.5 * (lo + hi);
            if (TwoSidedTail(mid, freedom) > twoSidedProbability) lo = mid;
            else hi = mid;
        }
        return hi;
    }
}
