using System.Numerics.Tensors;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Engine.Manifold;

/// <summary>
/// The Jacobian J (rows <c>g_i</c>, <c>n × p</c>), the outputs <c>h_i</c> and the <c>n × n</c> Gram matrix
/// <c>J Jᵀ</c> at θ (docs/theory.md §1). The Gram matrix is exactly symmetric.
/// </summary>
internal static class GramMatrix
{
    /// <summary>J and the outputs at θ, in a new workspace.</summary>
    public static (double[] Jacobian, double[] Outputs) Jacobian(Model model, Dataset data, ReadOnlySpan<double> theta)
    {
        int n = data.Count, p = model.ParameterCount;
        var jacobian = new double[n * p];
        var outputs = new double[n];
        model.Jacobian(theta, data.X, outputs, jacobian, model.CreateWorkspace(n));
        return (jacobian, outputs);
    }

    /// <summary><c>J Jᵀ</c>, row-major <c>n × n</c>.</summary>
    public static double[] Of(ReadOnlySpan<double> jacobian, int n, int p)
    {
        var gram = new double[n * n];
        Of(jacobian, n, p, gram);
        return gram;
    }

    /// <summary><c>J Jᵀ</c>, row-major <c>n × n</c>, written over every entry of <paramref name="gram"/>.</summary>
    public static void Of(ReadOnlySpan<double> jacobian, int n, int p, Span<double> gram)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                gram[i * n + j] = gram[j * n + i] = TensorPrimitives.Dot(jacobian.Slice(i * p, p), jacobian.Slice(j * p, p));
    }

    /// <summary><c>result = Jᵀ w</c> (a combination of the rows <c>g_i</c>).</summary>
    public static void TransposeTimes(ReadOnlySpan<double> jacobian, int n, int p, ReadOnlySpan<double> w, Span<double> result)
    {
        result[..p].Clear();
        for (int i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(jacobian.Slice(i * p, p), w[i], result, result);
    }

    /// <summary><c>c = J v</c>.</summary>
    public static void Times(ReadOnlySpan<double> jacobian, int n, int p, ReadOnlySpan<double> v, Span<double> c)
    {
        for (int i = 0; i < n; i++) c[i] = TensorPrimitives.Dot(jacobian.Slice(i * p, p), v);
    }
}
