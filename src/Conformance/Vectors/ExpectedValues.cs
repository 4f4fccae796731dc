namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// The certified values of one case, as the <c>expected</c> object of docs/conformance.md §1 holds them (docs/theory.md §1–§3).
/// </summary>
/// <param name="H">Outputs <c>h(x_i; θ)</c> (n).</param>
/// <param name="Jacobian">J, rows <c>g_i</c> (n × p).</param>
/// <param name="Reg"><c>reg(θ)</c>.</param>
/// <param name="GradReg"><c>∇reg</c> (p).</param>
/// <param name="Hvp">Rows <c>H_i v</c> (n × p).</param>
/// <param name="PGradReg"><c>P ∇reg</c> (p).</param>
/// <param name="DriftLeading"><c>−(η²σ²/(4B)) P ∇reg</c> (p).</param>
/// <param name="DriftExact"><c>−η (1/n) Σ_i P H_i S g_i</c> (p).</param>
/// <param name="OuCov">Eigenvalues of the exact stationary S on N, ascending (n).</param>
/// <param name="SgdStepTheta"><c>θ − (η/B) Σ_j (h(x_{b_j}) − y_{b_j} − e_j) g_{b_j}</c> (p).</param>
public sealed record ExpectedValues(
    double[] H,
    double[][] Jacobian,
    double Reg,
    double[] GradReg,
    double[][] Hvp,
    double[] PGradReg,
    double[] DriftLeading,
    double[] DriftExact,
    double[] OuCov,
    double[] SgdStepTheta);
