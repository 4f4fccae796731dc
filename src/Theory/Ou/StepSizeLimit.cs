using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Ou;

/// <summary>The stability limit <c>η λ_max &lt; 2</c> of the OU process (THEORY.md §2).</summary>
public static class StepSizeLimit
{
    /// <summary>The largest stable step <c>2 / λ_max</c>, λ_max the top eigenvalue of G on N (THEORY.md §2).</summary>
    public static double Of(NormalFrame frame) => 2.0 / frame.LargestHessianEigenvalue;

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> on field <c>eta</c>, stating the limit <c>2/λ_max</c>, when
    /// <c>η λ_max ≥ 2</c>: the mean <c>E u_k = (I − ηG)^k u_0</c> then diverges for full batch and minibatch alike
    /// (THEORY.md §2).
    /// </summary>
    public static void Require(NormalFrame frame, LabelNoiseSgd sgd)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        sgd.Validate(frame.Count);
        double lambda = frame.LargestHessianEigenvalue, product = sgd.Eta * lambda;
        if (product < 2) return;
        throw new InvalidInputException("eta",
            $"η = {Guard.Format(sgd.Eta)} gives η λ_max = {Guard.Format(product)} ≥ 2 (λ_max = {Guard.Format(lambda)}): " +
            $"the OU process diverges; the stability limit is η < 2/λ_max = {Guard.Format(2 / lambda)}");
    }
}
