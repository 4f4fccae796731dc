using System.Numerics.Tensors;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Exact Hessian-vector products of the <see cref="Mlp"/> by Pearlmutter's R-operator (forward-over-reverse),
/// one example at a time (THEORY.md §1, <c>H_i v</c>).
/// </summary>
public sealed partial class Mlp
{
    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        int m = CheckedRows(x);
        if (m != 1) throw new Validation.InvalidInputException("x", $"has {m} rows; HessianVector takes one example");
        var w = Check(theta, ws, 1);
        if (v.Length != _parameterCount) Validation.Guard.Length(v.Length, _parameterCount, "v");
        Span<double> h = stackalloc double[1];
        ReadOnlySpan<double> one = [1.0];
        ForwardPass(theta, x, 1, h, w, second: true);
        BackwardSignals(theta, one, 1, w);
        TangentForward(theta, x, v, w);
        TangentBackward(theta, x, v, product, w);
    }

    /// <summary><c>Rz_ℓ = W_ℓ Ra_{ℓ−1} + V_ℓ a_{ℓ−1} + Rb_ℓ</c>, <c>Ra_ℓ = φ'(z_ℓ) Rz_ℓ</c>, with <c>Ra_0 = 0</c>.</summary>
    private void TangentForward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v, MlpWorkspace ws)
    {
        for (int l = 0; l < Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, inSize);
            var rz = ws.RZ[l].AsSpan();
            for (int o = 0; o < outSize; o++)
            {
                int row = o * inSize;
                double s = v[_biasOffset[l] + o] + TensorPrimitives.Dot(v.Slice(_weightOffset[l] + row, inSize), below);
                if (l > 0) s += TensorPrimitives.Dot(theta.Slice(_weightOffset[l] + row, inSize), ws.RA[l - 1]);
                rz[o] = s;
            }
            TensorPrimitives.Multiply(rz, ws.D1[l].AsSpan(0, outSize), ws.RA[l]);
        }
    }

    /// <summary>
    /// <c>Ru_L = v_a</c>; <c>Rδ_ℓ = φ''(z_ℓ) Rz_ℓ u_ℓ + φ'(z_ℓ) Ru_ℓ</c>; <c>Ru_{ℓ−1} = V_ℓᵀ δ_ℓ + W_ℓᵀ Rδ_ℓ</c>;
    /// then <c>(Hv)_{W_ℓ} = Rδ_ℓ a_{ℓ−1}ᵀ + δ_ℓ Ra_{ℓ−1}ᵀ</c>, <c>(Hv)_{b_ℓ} = Rδ_ℓ</c>, <c>(Hv)_a = Ra_L</c>, <c>(Hv)_c = 0</c>.
    /// </summary>
    private void TangentBackward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product, MlpWorkspace ws)
    {
        product.Clear();
        int last = _sizes[Depth];
        v.Slice(_outputOffset, last).CopyTo(ws.RU[Depth - 1]);
        for (int l = Depth - 1; l >= 0; l--)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            var rDelta = ws.RDelta[l].AsSpan();
            var delta = ws.Delta[l].AsSpan(0, outSize);
            var u = ws.U[l].AsSpan(0, outSize);
            for (int o = 0; o < outSize; o++)
                rDelta[o] = ws.D2[l][o] * ws.RZ[l][o] * u[o] + ws.D1[l][o] * ws.RU[l][o];
            ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, inSize);
            for (int o = 0; o < outSize; o++)
            {
                var block = product.Slice(_weightOffset[l] + o * inSize, inSize);
                TensorPrimitives.Multiply(below, rDelta[o], block);
                if (l > 0) TensorPrimitives.MultiplyAdd(ws.RA[l - 1], delta[o], block, block);
            }
            rDelta.CopyTo(product.Slice(_biasOffset[l], outSize));
            if (l == 0) break;
            var ru = ws.RU[l - 1].AsSpan();
            ru.Clear();
            for (int o = 0; o < outSize; o++)
            {
                int row = _weightOffset[l] + o * inSize;
                TensorPrimitives.MultiplyAdd(v.Slice(row, inSize), delta[o], ru, ru);
                TensorPrimitives.MultiplyAdd(theta.Slice(row, inSize), rDelta[o], ru, ru);
            }
        }
        ws.RA[Depth - 1].AsSpan(0, last).CopyTo(product.Slice(_outputOffset, last));
    }
}
