using System.Numerics.Tensors;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// <c>reg</c> and <c>∇reg</c> of the <see cref="Mlp"/> without forming J (docs/theory.md §1; docs/design.md "per-example
/// norms"). Per example, <c>||g_i||² = Σ_ℓ ||Δ_ℓ[i]||² (||a_{ℓ−1}[i]||² + 1) + ||a_L[i]||² + [output bias]</c>;
/// <c>∇reg</c> is the exact reverse-mode derivative of that expression through the forward and backward passes
/// (a double backward written out by hand, all in batched matrix products).
/// </summary>
public sealed partial class Mlp
{
    public override double Reg(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        int m = CheckedRows(x);
        var w = Check(theta, ws, m);
        if (SplitsRows(m, w)) return RegSplit(theta, x, m, w);
        return RegPasses(theta, x, m, w, second: false, withAdjoints: false);
    }

    public override double RegGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        int m = CheckedRows(x);
        var w = Check(theta, ws, m);
        CheckSpans(default, hasTargets: false, m, gradient);
        if (SplitsRows(m, w)) return RegGradientSplit(theta, x, gradient, m, w);
        return RegGradientRows(theta, x, m, m, gradient, w);
    }

    /// <summary>The rows <c>[0, m)</c> of a batch of <paramref name="total"/>: their share of <c>∇reg</c> and <c>reg</c>.</summary>
    private double RegGradientRows(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, int total,
        Span<double> gradient, MlpWorkspace w)
    {
        double reg = RegPasses(theta, x, m, w, second: true, withAdjoints: true, total);
        gradient.Clear();
        ReverseBackward(theta, m, gradient, w);
        ReverseForward(theta, x, m, gradient, w);
        return reg;
    }

    /// <summary>
    /// Forward and backward passes with unit output adjoints, then <c>reg</c>; with <paramref name="withAdjoints"/>
    /// also seeds <c>Δ̄_ℓ = (2/m)(||a_{ℓ−1}||² + 1) Δ_ℓ</c> and <c>ā_ℓ</c> from the explicit terms of reg.
    /// </summary>
    private double RegPasses(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, MlpWorkspace ws, bool second,
        bool withAdjoints, int total = 0)
    {
        if (total == 0) total = m;
        ForwardPass(theta, x, m, ws.Outputs.AsSpan(0, m), ws, second);
        var ones = ws.RowScalars.AsSpan(0, m);
        ones.Fill(1.0);
        BackwardSignals(theta, ones, m, ws);
        double scale = 2.0 / total, sum = 0;
        if (withAdjoints)
        {
            for (int l = 0; l < Depth; l++) ws.BarA[l].AsSpan(0, m * _sizes[l + 1]).Clear();
        }
        for (int l = 0; l < Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, m * inSize);
            var delta = ws.Delta[l].AsSpan(0, m * outSize);
            for (int i = 0; i < m; i++)
            {
                var bi = below.Slice(i * inSize, inSize);
                var di = delta.Slice(i * outSize, outSize);
                double qa = TensorPrimitives.Dot(bi, bi) + 1, qd = TensorPrimitives.Dot(di, di);
                sum += qd * qa;
                if (!withAdjoints) continue;
                TensorPrimitives.Multiply(di, scale * qa, ws.BarDelta[l].AsSpan(i * outSize, outSize));
                if (l > 0)
                {
                    var barBelow = ws.BarA[l - 1].AsSpan(i * inSize, inSize);
                    TensorPrimitives.MultiplyAdd(bi, scale * qd, barBelow, barBelow);
                }
            }
        }
        int last = _sizes[Depth];
        var top = ws.A[Depth - 1].AsSpan(0, m * last);
        for (int i = 0; i < m; i++)
        {
            var ti = top.Slice(i * last, last);
            sum += TensorPrimitives.Dot(ti, ti) + (OutputBias ? 1 : 0);
            if (!withAdjoints) continue;
            var barTop = ws.BarA[Depth - 1].AsSpan(i * last, last);
            TensorPrimitives.MultiplyAdd(ti, scale, barTop, barTop);
        }
        return sum / total;
    }

    /// <summary>
    /// Adjoint of the backward pass, layer 0 upwards: <c>Δ_ℓ = φ'(Z_ℓ) ⊙ U_ℓ</c> gives <c>Z̄_ℓ = Δ̄_ℓ ⊙ φ''(Z_ℓ) ⊙ U_ℓ</c>
    /// and <c>Ū_ℓ = Δ̄_ℓ ⊙ φ'(Z_ℓ)</c>; <c>U_ℓ = Δ_{ℓ+1} W_{ℓ+1}</c> gives <c>Δ̄_{ℓ+1} += Ū_ℓ W_{ℓ+1}ᵀ</c> and
    /// <c>W̄_{ℓ+1} += Δ_{ℓ+1}ᵀ Ū_ℓ</c>; the top <c>U = 1 aᵀ</c> gives <c>ā = Σ_i Ū[i]</c>.
    /// </summary>
    private void ReverseBackward(ReadOnlySpan<double> theta, int m, Span<double> gradient, MlpWorkspace ws)
    {
        for (int l = 0; l < Depth; l++)
        {
            int size = m * _sizes[l + 1];
            var barDelta = ws.BarDelta[l].AsSpan(0, size);
            var u = ws.U[l].AsSpan(0, size);
            var barZ = ws.BarZ[l].AsSpan(0, size);
            TensorPrimitives.Multiply(barDelta, ws.D2[l].AsSpan(0, size), barZ);
            TensorPrimitives.Multiply(barZ, u, barZ);
            TensorPrimitives.Multiply(barDelta, ws.D1[l].AsSpan(0, size), u); // U_ℓ now holds Ū_ℓ
            int width = _sizes[l + 1];
            if (l == Depth - 1)
            {
                var outGrad = gradient.Slice(_outputOffset, width);
                for (int i = 0; i < m; i++) TensorPrimitives.Add(outGrad, u.Slice(i * width, width), outGrad);
                break;
            }
            int above = _sizes[l + 2];
            MultiplyAddWeightsT(u, theta.Slice(_weightOffset[l + 1], above * width), l + 1, ws.BarDelta[l + 1].AsSpan(0, m * above),
                m, ws, fillWeightsT: false);
            var transposed = ws.Transposed.AsSpan(0, above * m);
            Gemm.Transpose(ws.Delta[l + 1].AsSpan(0, m * above), transposed, m, above);
            Gemm.MultiplyAdd(transposed, u, gradient.Slice(_weightOffset[l + 1], above * width), above, m, width);
        }
    }

    /// <summary>
    /// Adjoint of the forward pass, top layer down: <c>Z̄_ℓ += Ā_ℓ ⊙ φ'(Z_ℓ)</c>, <c>W̄_ℓ += Z̄_ℓᵀ A_{ℓ−1}</c>,
    /// <c>b̄_ℓ += Σ_i Z̄_ℓ[i]</c>, <c>Ā_{ℓ−1} += Z̄_ℓ W_ℓ</c>.
    /// </summary>
    private void ReverseForward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, Span<double> gradient, MlpWorkspace ws)
    {
        for (int l = Depth - 1; l >= 0; l--)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1], size = m * outSize;
            var barZ = ws.BarZ[l].AsSpan(0, size);
            TensorPrimitives.MultiplyAdd(ws.BarA[l].AsSpan(0, size), ws.D1[l].AsSpan(0, size), barZ, barZ);
            ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, m * inSize);
            AccumulateOuter(barZ, below, m, outSize, inSize,
                gradient.Slice(_weightOffset[l], outSize * inSize), gradient.Slice(_biasOffset[l], outSize), ws);
            if (l > 0)
            {
                Gemm.MultiplyAdd(barZ, theta.Slice(_weightOffset[l], outSize * inSize), ws.BarA[l - 1].AsSpan(0, m * inSize),
                    m, outSize, inSize);
            }
        }
    }
}
