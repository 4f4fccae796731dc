using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// The second route for the outputs <c>h(x_i; θ)</c> (docs/conformance.md §1): plain scalar loops that read θ in the
/// documented order, independent of the engine's batched kernels. MLPs (including <c>relu1d</c> and <c>sigmoid2</c>)
/// layer by layer, matrix sensing as <c>Σ_ab A_ab (UUᵀ)_ab</c>, the quadratic model as <c>Σ_j x_j β_j</c>; other models fall back to the engine's per-example
/// <see cref="Model.Value"/>, a different code path from its batched <see cref="Model.Forward"/>.
/// </summary>
internal static class ReferenceOutput
{
    public static double Of(Model model, double[] theta, double[] x) => model switch
    {
        Mlp mlp => OfMlp(mlp, theta, x),
        MatrixSensing sensing => OfMatrixSensing(sensing, theta, x),
        QuadraticLinear quadratic => OfQuadratic(quadratic, theta, x),
        _ => model.Value(theta, x, model.CreateWorkspace(1)),
    };

    /// <summary>What <see cref="Of"/> compares with, for the route description.</summary>
    public static string Route(Model model) => model switch
    {
        Mlp or MatrixSensing or QuadraticLinear => "scalar reference loops",
        _ => "per-example engine value",
    };

    private static double OfMlp(Mlp mlp, double[] theta, double[] x)
    {
        var a = x;
        for (int l = 0; l < mlp.Depth; l++)
        {
            int width = mlp.Hidden[l], inputs = a.Length;
            var next = new double[width];
            for (int j = 0; j < width; j++)
            {
                double z = theta[mlp.BiasOffset(l) + j];
                for (int k = 0; k < inputs; k++) z += theta[mlp.WeightOffset(l) + j * inputs + k] * a[k];
                next[j] = Activation.Value(mlp.Activations[l], z);
            }
            a = next;
        }
        double h = mlp.OutputBias ? theta[mlp.OutputOffset + a.Length] : 0;
        for (int j = 0; j < a.Length; j++) h += theta[mlp.OutputOffset + j] * a[j];
        return h;
    }

    /// <summary><c>Σ_j x_j β_j</c> with β formed first (docs/theory.md §7).</summary>
    private static double OfQuadratic(QuadraticLinear model, double[] theta, double[] x)
    {
        var beta = model.Beta(theta);
        double h = 0;
        for (int j = 0; j < beta.Length; j++) h += x[j] * beta[j];
        return h;
    }

    private static double OfMatrixSensing(MatrixSensing model, double[] u, double[] x)
    {
        int d = model.Size, k = model.Width;
        double h = 0;
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
            {
                double uut = 0;
                for (int c = 0; c < k; c++) uut += u[a * k + c] * u[b * k + c];
                h += x[a * d + b] * uut;
            }
        return h;
    }
}
