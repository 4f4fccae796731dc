using NoiseDrift.Conformance.Cases;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// The engine's values for the deterministic ops (docs/conformance.md §2; docs/theory.md §1), against which an implementation
/// is judged. <c>sgd_step</c> uses labels moved off the manifold (<see cref="StepLabels"/>) so the residual term of the
/// step is exercised too.
/// </summary>
public static class SuiteValues
{
    /// <summary>The labels of an <c>sgd_step</c> request: <c>y_i + 0.1 (−1)^i</c>.</summary>
    public static double[] StepLabels(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Data.Y.Select((y, i) => y + (i % 2 == 0 ? 0.1 : -0.1)).ToArray();
    }

    /// <summary><c>h_i</c> and J (row-major n × p).</summary>
    public static (double[] H, double[] Jacobian) Jacobian(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var model = c.Model.Engine;
        var h = new double[c.Count];
        var j = new double[c.Count * c.ParameterCount];
        model.Jacobian(c.Theta, c.Data.X, h, j, model.CreateWorkspace(c.Count));
        return (h, j);
    }

    /// <summary><c>reg</c> and <c>∇reg</c>.</summary>
    public static (double Reg, double[] Gradient) GradReg(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var gradient = new double[c.ParameterCount];
        double reg = c.Model.Engine.RegGradient(c.Theta, c.Data.X, gradient, c.Model.Engine.CreateWorkspace(c.Count));
        return (reg, gradient);
    }

    /// <summary>Rows <c>H_i v</c>, concatenated.</summary>
    public static double[] Hvp(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var model = c.Model.Engine;
        int p = c.ParameterCount;
        var ws = model.CreateWorkspace(1);
        var result = new double[c.Count * p];
        for (int i = 0; i < c.Count; i++) model.HessianVector(c.Theta, c.Data.Row(i), c.V, result.AsSpan(i * p, p), ws);
        return result;
    }

    /// <summary>The step on the case's batch and noise with <see cref="StepLabels"/>.</summary>
    public static double[] SgdStep(ConformanceCase c) => EngineStep(c, StepLabels(c));

    /// <summary>
    /// The engine's step <c>θ − η ∇_θ (1/2B) Σ_j (h(x_{b_j}) − t_j)²</c> with targets <c>t_j = labels_{b_j} + e_j</c> on the
    /// case's batch and noise (docs/theory.md §1).
    /// </summary>
    public static double[] EngineStep(ConformanceCase c, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(labels);
        var model = c.Model.Engine;
        int d = model.InputDimension, b = c.StepBatch.Length;
        var inputs = new double[b * d];
        var targets = new double[b];
        for (int j = 0; j < b; j++)
        {
            c.Data.Row(c.StepBatch[j]).CopyTo(inputs.AsSpan(j * d, d));
            targets[j] = labels[c.StepBatch[j]] + c.Noise[j];
        }
        var gradient = new double[c.ParameterCount];
        model.LossGradient(c.Theta, inputs, targets, gradient, model.CreateWorkspace(b));
        return c.Theta.Select((t, k) => t - c.Eta * gradient[k]).ToArray();
    }
}
