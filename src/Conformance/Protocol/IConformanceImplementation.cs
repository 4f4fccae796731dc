namespace NoiseDrift.Conformance.Protocol;

/// <summary>
/// An implementation certified in-process, without a subprocess (docs/conformance.md §2): the ops of the JSON-lines
/// protocol as methods. Implement the ops you list in <see cref="Ops"/>; the others are never called and are reported
/// as not certified. θ order and conventions are those of docs/theory.md §1 and docs/cli.md "Spec files".
/// </summary>
public interface IConformanceImplementation
{
    /// <summary>A name for reports.</summary>
    string Name { get; }

    /// <summary>The ops implemented, from <c>forward, jacobian, reg, grad_reg, hvp, sgd_step, run</c>.</summary>
    IReadOnlyCollection<string> Ops { get; }

    /// <summary>The model kinds supported, from <c>mlp, dag, matrix_sensing, relu1d, sigmoid2, quadratic,
    /// quadratic_signed</c>.</summary>
    IReadOnlyCollection<string> Models { get; }

    /// <summary><c>h(x_i; θ)</c> for every row (n).</summary>
    double[] Forward(OpInput input);

    /// <summary>The outputs and J, rows <c>g_i = ∇_θ h(x_i; θ)</c> (n × p).</summary>
    (double[] H, double[][] Jacobian) Jacobian(OpInput input);

    /// <summary><c>reg(θ) = (1/n) Σ_i ||g_i||²</c> (docs/theory.md §1).</summary>
    double Reg(OpInput input);

    /// <summary><c>reg</c> and <c>∇reg = (2/n) Σ_i H_i g_i</c> (docs/theory.md §1).</summary>
    (double Reg, double[] GradReg) GradReg(OpInput input);

    /// <summary>Rows <c>H_i v</c> (n × p).</summary>
    double[][] Hvp(OpInput input);

    /// <summary><c>θ − (η/B) Σ_j (h(x_{b_j}) − y_{b_j} − e_j) g_{b_j}</c> (docs/theory.md §1).</summary>
    double[] SgdStep(OpInput input);

    /// <summary>
    /// The final θ of <see cref="OpInput.Chains"/> independent label-noise SGD chains of <see cref="OpInput.Steps"/> steps
    /// from θ, each step drawing B distinct indices and fresh Gaussian label noise with the implementation's own
    /// generator seeded by <see cref="OpInput.Seed"/> (chains × p).
    /// </summary>
    double[][] Run(OpInput input);
}
