using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The products with a transposed weight matrix, <c>C += S W_ℓᵀ</c> over m rows (the forward pass
/// <c>Z_ℓ = A_{ℓ−1} W_ℓᵀ + 1 b_ℓᵀ</c> and, in ∇reg, <c>Δ̄_ℓ += Ū_{ℓ−1} W_ℓᵀ</c>; docs/theory.md §1). A wide layer forms
/// <c>Cᵀ += W_ℓ Sᵀ</c> instead, so its weights are read once in place and never copied: transposing a 256 × 256 W costs
/// as much as a third of the product, and the copy and W together overflow a core's L2. Both routes give every
/// element the same bits (<see cref="Gemm.TransposedRouteExact"/>), so the route never shows in a result.
/// </summary>
public sealed partial class Mlp
{
    /// <summary>
    /// Whether layer ℓ's products over <paramref name="m"/> rows take the in-place route: exact for the shape, and the
    /// weight copy it saves (<c>in × out</c>) larger than the two row-block transposes it costs.
    /// </summary>
    private bool TransposesRows(int m, int layer)
    {
        int inSize = _sizes[layer], outSize = _sizes[layer + 1];
        return Gemm.TransposedRouteExact(m, outSize) && (long)inSize * outSize > 2L * m * (inSize + outSize);
    }

    /// <summary>
    /// The forward pass's <c>Z_ℓ = 1 b_ℓᵀ + S W_ℓᵀ</c> over m rows. With AVX-512 and a whole-block shape it is one
    /// pass (<see cref="Gemm.BiasPlusTransposedProduct"/>) for the first layer and for every layer on the in-place
    /// route: no later pass reads their <c>W_ℓᵀ</c> copy (∇reg's products with <c>W_ℓᵀ</c> start at layer 1 and take
    /// the same route as here). Otherwise each row of Z is set to <c>b_ℓ</c> and then <see cref="MultiplyAddWeightsT"/>
    /// runs, which fills the workspace's <c>W_ℓᵀ</c>. All routes give every element the same bits.
    /// </summary>
    private void BiasPlusWeightsT(ReadOnlySpan<double> s, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, int layer,
        Span<double> z, int m, MlpWorkspace ws)
    {
        int inSize = _sizes[layer], outSize = _sizes[layer + 1];
        if (Gemm.BiasRouteFused(m, outSize) && (layer == 0 || TransposesRows(m, layer)))
        {
            Gemm.BiasPlusTransposedProduct(s, weights, bias, z, m, inSize, outSize, ws.Transposed);
            return;
        }
        for (int i = 0; i < m; i++) bias.CopyTo(z.Slice(i * outSize, outSize));
        MultiplyAddWeightsT(s, weights, layer, z, m, ws, fillWeightsT: true);
    }

    /// <summary>
    /// <c>C (m × out) += S (m × in) · W_ℓᵀ</c> for the row-major <c>W_ℓ (out × in)</c>. The plain route uses the
    /// workspace's <c>W_ℓᵀ</c>, which it first fills when <paramref name="fillWeightsT"/> (the forward pass, which runs
    /// before every later pass over the same θ).
    /// </summary>
    private void MultiplyAddWeightsT(ReadOnlySpan<double> s, ReadOnlySpan<double> weights, int layer, Span<double> c, int m,
        MlpWorkspace ws, bool fillWeightsT)
    {
        int inSize = _sizes[layer], outSize = _sizes[layer + 1];
        if (TransposesRows(m, layer))
        {
            Gemm.MultiplyAddTransposed(s, weights, c, m, inSize, outSize, ws.Transposed, ws.TransposedOut);
            return;
        }
        var weightsT = ws.WeightsT[layer].AsSpan();
        if (fillWeightsT) Gemm.Transpose(weights, weightsT, outSize, inSize);
        Gemm.MultiplyAdd(s, weightsT, c, m, inSize, outSize);
    }
}
