using System.Numerics.Tensors;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Exact Hessian-vector products of the <see cref="Mlp"/> by Pearlmutter's R-operator (forward-over-reverse),
/// one example at a time (docs/theory.md §1, <c>H_i v</c>).
/// <para>
/// The product runs in phases, each over a range of every layer's neurons. Phase ℓ &lt; L is layer ℓ's forward and
/// tangent-forward pass, phase L the top layer's backward signals and tangent backward, then one phase per lower
/// layer. In two parts (<see cref="SplitsHessianVector"/>, <see cref="TangentHalves"/>) a lower layer takes two
/// phases: each part first sums its own rows of <c>W_{ℓ+1}</c> and <c>V_{ℓ+1}</c> into partial U and Ru over every
/// column, then adds the two partials on its own neurons, so a thread only ever reads its own rows of the big weight
/// matrices (reading the other part's columns made each part about twice as slow on this machine). A phase reads
/// whole layers only from earlier phases. The two partials round differently from one sum over all rows, so the
/// schedule is fixed by the model, never by the threads: a product has the same bits whoever runs its parts.
/// </para>
/// </summary>
public sealed partial class Mlp
{
    /// <summary>Phases of one product in one part (forward then backward layers) or two (two per lower layer).</summary>
    internal int TangentPhases(int parts) => parts == 1 ? 2 * Depth : 3 * Depth - 1;

    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        int m = CheckedRows(x);
        if (m != 1) throw new Validation.InvalidInputException("x", $"has {m} rows; HessianVector takes one example");
        var w = Check(theta, ws, 1);
        if (v.Length != _parameterCount) Validation.Guard.Length(v.Length, _parameterCount, "v");
        if (product.Length < _parameterCount) Validation.Guard.Length(product.Length, _parameterCount, "product");
        if (w.Tangent is { } halves)
        {
            halves.Run(theta, x, v, product);
            return;
        }
        for (int phase = 0; phase < TangentPhases(1); phase++) TangentPhase(phase, 0, 1, theta, x, v, product, w);
    }

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/> (1 or 2) of one phase. Two parts cut each layer at
    /// half its width in whole vectors (<see cref="SplitsHessianVector"/> makes every hidden width a multiple of 16).
    /// </summary>
    internal void TangentPhase(int phase, int part, int parts, ReadOnlySpan<double> theta, ReadOnlySpan<double> x,
        ReadOnlySpan<double> v, Span<double> product, MlpWorkspace ws)
    {
        if (phase < Depth)
        {
            ForwardLayer(phase, Neurons(phase, part, parts), theta, x, v, ws);
            return;
        }
        int step = phase - Depth;
        if (step == 0)
        {
            var (lo, hi) = Neurons(Depth - 1, part, parts);
            TopSignals(lo, hi, theta, v, product, ws, part);
            TangentBackwardLayer(Depth - 1, lo, hi, x, product, ws);
            return;
        }
        if (parts == 1)
        {
            int below = Depth - 1 - step;
            RowPartials(below, (0, _sizes[below + 2]), theta, v, ws.U[below], ws.RU[below], ws);
            LowerLayer(below, 0, _sizes[below + 1], x, product, ws);
            return;
        }
        int layer = Depth - 1 - (step + 1) / 2;
        if (step % 2 == 1)
        {
            RowPartials(layer, Neurons(layer + 1, part, parts), theta, v, ws.UPart[part][layer], ws.RUPart[part][layer], ws);
            return;
        }
        var (from, to) = Neurons(layer, part, parts);
        int count = to - from;
        TensorPrimitives.Add(ws.UPart[0][layer].AsSpan(from, count), ws.UPart[1][layer].AsSpan(from, count), ws.U[layer].AsSpan(from, count));
        TensorPrimitives.Add(ws.RUPart[0][layer].AsSpan(from, count), ws.RUPart[1][layer].AsSpan(from, count), ws.RU[layer].AsSpan(from, count));
        LowerLayer(layer, from, to, x, product, ws);
    }

    /// <summary>
    /// Rows <paramref name="rows"/> of the layer above's share of <c>U_ℓ = Δ_{ℓ+1} W_{ℓ+1}</c> and
    /// <c>Ru_ℓ = V_{ℓ+1}ᵀ Δ_{ℓ+1} + W_{ℓ+1}ᵀ RΔ_{ℓ+1}</c> over every column: a thread reads only its own rows of W and V.
    /// </summary>
    private void RowPartials(int l, (int Lo, int Hi) rows, ReadOnlySpan<double> theta, ReadOnlySpan<double> v, double[] u,
        double[] ru, MlpWorkspace ws)
    {
        int width = _sizes[l + 1], weights = _weightOffset[l + 1];
        var delta = ws.Delta[l + 1];
        var rDelta = ws.RDelta[l + 1];
        Array.Clear(u, 0, width);
        Array.Clear(ru, 0, width);
        for (int o = rows.Lo; o < rows.Hi; o++)
        {
            int row = weights + o * width;
            Gemm.MultiplyAddRowColumns(delta.AsSpan(o, 1), theta.Slice(row, width), u, 1, width, 0, width);
            TensorPrimitives.MultiplyAdd(v.Slice(row, width), delta[o], ru, ru);
            TensorPrimitives.MultiplyAdd(theta.Slice(row, width), rDelta[o], ru, ru);
        }
    }

    /// <summary>Neurons <c>[lo, hi)</c> of a lower layer once its U and Ru are whole: <c>Δ_ℓ = φ'_ℓ ⊙ U_ℓ</c>, then the tangent backward.</summary>
    private void LowerLayer(int l, int lo, int hi, ReadOnlySpan<double> x, Span<double> product, MlpWorkspace ws)
    {
        TensorPrimitives.Multiply(ws.U[l].AsSpan(lo, hi - lo), ws.D1[l].AsSpan(lo, hi - lo), ws.Delta[l].AsSpan(lo, hi - lo));
        TangentBackwardLayer(l, lo, hi, x, product, ws);
    }

    private (int Lo, int Hi) Neurons(int layer, int part, int parts)
    {
        int width = _sizes[layer + 1];
        if (parts == 1) return (0, width);
        int cut = width / 16 * 8;
        return part == 0 ? (0, cut) : (cut, width);
    }

    /// <summary>
    /// Neurons <c>[lo, hi)</c> of layer ℓ: <c>z = W a_{ℓ−1} + b</c> (the bits of the batched forward pass on one row),
    /// <c>a, φ', φ''</c>; then <c>Rz_ℓ = W_ℓ Ra_{ℓ−1} + V_ℓ a_{ℓ−1} + Rb_ℓ</c>, <c>Ra_ℓ = φ'(z_ℓ) Rz_ℓ</c>, with <c>Ra_0 = 0</c>.
    /// </summary>
    private void ForwardLayer(int l, (int Lo, int Hi) neurons, ReadOnlySpan<double> theta, ReadOnlySpan<double> x,
        ReadOnlySpan<double> v, MlpWorkspace ws)
    {
        var (lo, hi) = neurons;
        int inSize = _sizes[l], outSize = _sizes[l + 1], count = hi - lo;
        ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, inSize);
        var z = ws.Z[l].AsSpan(0, outSize);
        theta.Slice(_biasOffset[l] + lo, count).CopyTo(z[lo..hi]);
        var weights = theta.Slice(_weightOffset[l], outSize * inSize);
        var rz = ws.RZ[l].AsSpan();
        for (int block = lo; block < hi; block += 8)
        {
            // Eight rows at a time, so each row of W is read from memory once for z and Rz.
            int end = Math.Min(block + 8, hi);
            Gemm.MultiplyAddMatrixVector(weights, below, z, outSize, inSize, block, end);
            for (int o = block; o < end; o++)
            {
                int row = o * inSize;
                double s = v[_biasOffset[l] + o] + TensorPrimitives.Dot(v.Slice(_weightOffset[l] + row, inSize), below);
                if (l > 0) s += TensorPrimitives.Dot(weights.Slice(row, inSize), ws.RA[l - 1]);
                rz[o] = s;
            }
        }
        Activation.Evaluate(_activations[l], z[lo..hi], ws.A[l].AsSpan(lo, count), ws.D1[l].AsSpan(lo, count),
            ws.D2[l].AsSpan(lo, count));
        TensorPrimitives.Multiply(rz[lo..hi], ws.D1[l].AsSpan(lo, count), ws.RA[l].AsSpan(lo, count));
    }

    /// <summary>
    /// The top layer's neurons <c>[lo, hi)</c>: <c>U_L = a</c> (the output's adjoint is 1), <c>Δ_L = φ'_L ⊙ U_L</c>,
    /// <c>Ru_L = v_a</c>, and <c>(Hv)_a = Ra_L</c>; part 0 also writes <c>(Hv)_c = 0</c>.
    /// </summary>
    private void TopSignals(int lo, int hi, ReadOnlySpan<double> theta, ReadOnlySpan<double> v, Span<double> product,
        MlpWorkspace ws, int part)
    {
        int top = Depth - 1, count = hi - lo, last = _sizes[Depth];
        var u = ws.U[top].AsSpan(lo, count);
        theta.Slice(_outputOffset + lo, count).CopyTo(u);
        TensorPrimitives.Multiply(u, ws.D1[top].AsSpan(lo, count), ws.Delta[top].AsSpan(lo, count));
        v.Slice(_outputOffset + lo, count).CopyTo(ws.RU[top].AsSpan(lo, count));
        ws.RA[top].AsSpan(lo, count).CopyTo(product.Slice(_outputOffset + lo, count));
        if (part == 0) product[(_outputOffset + last).._parameterCount].Clear();
    }

    /// <summary>
    /// Neurons <c>[lo, hi)</c> of layer ℓ: <c>Rδ_ℓ = φ''(z_ℓ) Rz_ℓ u_ℓ + φ'(z_ℓ) Ru_ℓ</c>, then their rows
    /// <c>(Hv)_{W_ℓ} = Rδ_ℓ a_{ℓ−1}ᵀ + δ_ℓ Ra_{ℓ−1}ᵀ</c> and <c>(Hv)_{b_ℓ} = Rδ_ℓ</c>.
    /// </summary>
    private void TangentBackwardLayer(int l, int lo, int hi, ReadOnlySpan<double> x, Span<double> product, MlpWorkspace ws)
    {
        int inSize = _sizes[l];
        var rDelta = ws.RDelta[l].AsSpan();
        var delta = ws.Delta[l].AsSpan();
        for (int o = lo; o < hi; o++)
            rDelta[o] = ws.D2[l][o] * ws.RZ[l][o] * ws.U[l][o] + ws.D1[l][o] * ws.RU[l][o];
        ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, inSize);
        for (int o = lo; o < hi; o++)
        {
            var block = product.Slice(_weightOffset[l] + o * inSize, inSize);
            TensorPrimitives.Multiply(below, rDelta[o], block);
            if (l > 0) TensorPrimitives.MultiplyAdd(ws.RA[l - 1], delta[o], block, block);
        }
        rDelta[lo..hi].CopyTo(product.Slice(_biasOffset[l] + lo, hi - lo));
    }
}
