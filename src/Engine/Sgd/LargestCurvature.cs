using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// <c>λ_max</c>, the largest eigenvalue of <c>G = (1/n) JᵀJ</c> at θ, which sets the stability limit
/// <c>η &lt; 2/λ_max</c> of <see cref="SgdProblem.RequireStable"/> (THEORY.md §2). It is found by power iteration on
/// the <c>n × n</c> matrix <c>(1/n) J Jᵀ</c>, whose nonzero spectrum equals G's; no <c>p × p</c> matrix is formed.
/// </summary>
public static class LargestCurvature
{
    /// <summary><c>λ_max</c> of <c>G = (1/n) JᵀJ</c> at θ.</summary>
    public static double Of(Model model, Dataset data, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta);
        int n = data.Count, p = model.ParameterCount;
        var jacobian = new double[n * p];
        model.Jacobian(theta, data.X, new double[n], jacobian, model.CreateWorkspace(n));
        var gram = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                gram[i * n + j] = gram[j * n + i] =
                    TensorPrimitives.Dot(jacobian.AsSpan(i * p, p), jacobian.AsSpan(j * p, p)) / n;
        return SymmetricPowerIteration.LargestEigenvalue(gram, n);
    }
}
