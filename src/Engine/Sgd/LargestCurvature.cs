using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// <c>λ_max</c>, the largest eigenvalue of <c>G = (1/n) JᵀJ</c> at θ, which sets the stability limit
/// <c>η &lt; 2/λ_max</c> of <see cref="SgdProblem.RequireStable"/> (docs/theory.md §2). It is found by power iteration on
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
        var (jacobian, _) = GramMatrix.Jacobian(model, data, theta);
        var gram = GramMatrix.Of(jacobian, n, p);
        TensorPrimitives.Divide(gram, n, gram);
        return SymmetricPowerIteration.LargestEigenvalue(gram, n);
    }
}
