using NoiseDrift.Engine.Models;

namespace NoiseDrift.Theory.Checks;

/// <summary>
/// Finite-difference references for a model's derivatives (docs/theory.md §1), built on <see cref="FiniteDifference"/>:
/// coordinate-wise central differences of <c>h</c>, <c>reg</c> and the loss, and the HVP as the central difference of
/// exact gradients along v. Each writes an estimate and its error bound per component.
/// </summary>
public static class ModelDifferences
{
    /// <summary><c>∂h(x; θ)/∂θ_k</c> for every k.</summary>
    public static void Gradient(Model model, double[] theta, double[] x, Span<double> estimate, Span<double> bound)
    {
        var ws = model.CreateWorkspace(1);
        Coordinatewise(theta, t => model.Value(t, x, ws), estimate, bound);
    }

    /// <summary><c>H v = ∇²_θ h(x; θ) v</c> as the central difference of the exact gradient along v.</summary>
    public static void HessianVector(Model model, double[] theta, double[] x, double[] v, Span<double> estimate,
        Span<double> bound)
    {
        int p = model.ParameterCount;
        double norm = Math.Sqrt(v.Sum(c => c * c));
        if (norm == 0) { estimate.Clear(); bound.Clear(); return; }
        var ws = model.CreateWorkspace(1);
        var shifted = new double[p];
        FiniteDifference.Derivative((t, g) =>
        {
            for (int k = 0; k < p; k++) shifted[k] = theta[k] + t * v[k] / norm;
            model.Gradient(shifted, x, g, ws);
        }, p, estimate, bound);
        for (int k = 0; k < p; k++) { estimate[k] *= norm; bound[k] *= norm; }
    }

    /// <summary><c>∂reg/∂θ_k</c> for every k, from the engine's <c>reg</c>.</summary>
    public static void RegGradient(Model model, double[] theta, double[] x, Span<double> estimate, Span<double> bound)
    {
        var ws = model.CreateWorkspace(x.Length / model.InputDimension);
        Coordinatewise(theta, t => model.Reg(t, x, ws), estimate, bound);
    }

    /// <summary><c>∂L/∂θ_k</c> for every k, with <c>L = (1/2n) Σ (h_i − y_i)²</c> from the engine's batch outputs.</summary>
    public static void LossGradient(Model model, double[] theta, double[] x, double[] y, Span<double> estimate,
        Span<double> bound)
    {
        var ws = model.CreateWorkspace(y.Length);
        var outputs = new double[y.Length];
        Coordinatewise(theta, t =>
        {
            model.Forward(t, x, outputs, ws);
            double sum = 0;
            for (int i = 0; i < y.Length; i++) sum += (outputs[i] - y[i]) * (outputs[i] - y[i]);
            return sum / (2 * y.Length);
        }, estimate, bound);
    }

    private static void Coordinatewise(double[] theta, Func<double[], double> f, Span<double> estimate, Span<double> bound)
    {
        var shifted = (double[])theta.Clone();
        for (int k = 0; k < theta.Length; k++)
        {
            int kk = k;
            var d = FiniteDifference.Derivative(t =>
            {
                shifted[kk] = theta[kk] + t;
                return f(shifted);
            }, Math.Max(1, Math.Abs(theta[k])));
            shifted[k] = theta[k];
            estimate[k] = d.Value;
            bound[k] = d.Bound;
        }
    }
}
