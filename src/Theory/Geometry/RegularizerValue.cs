namespace NoiseDrift.Theory.Geometry;

/// <summary>
/// The implicit regularizer at θ (docs/theory.md §1): <c>reg = (1/n) Σ_i ||g_i||²</c>, its gradient
/// <c>∇reg = (2/n) Σ_i H_i g_i</c>, and the tangent part <c>P ∇reg</c> that drives the drift (§3).
/// </summary>
/// <param name="Reg"><c>reg(θ)</c>.</param>
/// <param name="Gradient"><c>∇reg(θ)</c>, length p.</param>
/// <param name="TangentGradient"><c>P ∇reg(θ)</c>, length p.</param>
public sealed record RegularizerValue(double Reg, double[] Gradient, double[] TangentGradient)
{
    /// <summary><c>||∇reg||</c>.</summary>
    public double GradientNorm => Vectors.Norm(Gradient);

    /// <summary><c>||P ∇reg||</c> (docs/theory.md §3, "Stability").</summary>
    public double TangentGradientNorm => Vectors.Norm(TangentGradient);

    internal static double Norm(ReadOnlySpan<double> v) => Vectors.Norm(v);
}
