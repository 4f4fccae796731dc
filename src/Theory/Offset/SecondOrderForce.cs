using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The mean second-order force of the normal fluctuation (docs/theory.md §3.9):
/// <c>b(S) = (1/n) Σ_i (½ tr(H_i S) g_i + H_i S g_i)</c>, the average of <c>½∇³L[u, u]</c> over <c>u ~ (0, Q S Qᵀ)</c>
/// at θ* ∈ M. Its tangent half is the drift, <c>d_exact = −η P b(S)</c>; its normal half <c>Π_N b(S)</c> pushes the mean
/// of u off zero. Cost: n(n + 1) Hessian-vector products (n for <c>H_i S g_i</c>, n² for the traces).
/// </summary>
public static class SecondOrderForce
{
    /// <summary><c>b(S)</c> (length p) with S in the normal coordinates of <paramref name="frame"/>.</summary>
    public static double[] Of(Model model, ReadOnlySpan<double> theta, Dataset data, NormalFrame frame, OuCovariance covariance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(covariance);
        int n = frame.Count, p = frame.ParameterCount;
        if (covariance.Matrix.RowCount != n)
            throw new InvalidInputException("covariance", $"is {covariance.Matrix.RowCount} × {covariance.Matrix.RowCount}, expected n = {n}");
        var ws = model.CreateWorkspace(n);
        var axes = Enumerable.Range(0, n)
            .Select(j => frame.Embed(covariance.Eigenvectors.Column(j).ToArray())).ToArray();
        var sum = new double[p];
        var product = new double[p];
        for (int i = 0; i < n; i++)
        {
            var row = data.Row(i);
            var direction = frame.Embed((covariance.Matrix * frame.GradientCoordinates(i)).ToArray());
            model.HessianVector(theta, row, direction, product, ws);
            Vectors.AddScaled(sum, product, 1.0 / n);
            double trace = 0;
            for (int j = 0; j < n; j++)
            {
                model.HessianVector(theta, row, axes[j], product, ws);
                trace += covariance.Eigenvalues[j] * Vectors.Dot(axes[j], product);
            }
            Vectors.AddScaled(sum, frame.ExampleGradient(i), 0.5 * trace / n);
        }
        return sum;
    }
}
