using System.Numerics.Tensors;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>Batched forward and reverse passes of the <see cref="Mlp"/> (docs/theory.md §1: h, J rows, ∇L).</summary>
public sealed partial class Mlp
{
    /// <summary>
    /// Forward pass over m rows: fills Z, A, φ' (and φ'' if asked) per layer and writes the outputs <c>h_i</c>.
    /// A layer that <see cref="TransposesRows"/> forms <c>Zᵀ = W Aᵀ</c>; every other layer leaves its transposed
    /// weights <c>W_ℓᵀ</c> in the workspace for the later passes.
    /// </summary>
    private void ForwardPass(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, Span<double> outputs, MlpWorkspace ws, bool second)
    {
        ReadOnlySpan<double> previous = x;
        for (int l = 0; l < Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            var weights = theta.Slice(_weightOffset[l], outSize * inSize);
            var bias = theta.Slice(_biasOffset[l], outSize);
            var z = ws.Z[l].AsSpan(0, m * outSize);
            BiasPlusWeightsT(previous, weights, bias, l, z, m, ws);
            var a = ws.A[l].AsSpan(0, m * outSize);
            Activation.Evaluate(_activations[l], z, a, ws.D1[l].AsSpan(0, m * outSize),
                second ? ws.D2[l].AsSpan(0, m * outSize) : Span<double>.Empty);
            previous = a;
        }
        int last = _sizes[Depth];
        var outWeights = theta.Slice(_outputOffset, last);
        double c = OutputBias ? theta[_outputOffset + last] : 0;
        for (int i = 0; i < m; i++) outputs[i] = TensorPrimitives.Dot(previous.Slice(i * last, last), outWeights) + c;
    }

    /// <summary>
    /// Backward signals for output adjoints <c>w_i</c>: <c>U_L = w aᵀ</c>, <c>Δ_ℓ = φ'_ℓ ⊙ U_ℓ</c>,
    /// <c>U_{ℓ−1} = Δ_ℓ W_ℓ</c>. With <c>w = 1</c>, <c>Δ_ℓ[i] = ∂h_i/∂z_ℓ</c>.
    /// </summary>
    private void BackwardSignals(ReadOnlySpan<double> theta, ReadOnlySpan<double> adjoints, int m, MlpWorkspace ws)
    {
        int top = Depth - 1, last = _sizes[Depth];
        var outWeights = theta.Slice(_outputOffset, last);
        var u = ws.U[top].AsSpan(0, m * last);
        for (int i = 0; i < m; i++) TensorPrimitives.Multiply(outWeights, adjoints[i], u.Slice(i * last, last));
        for (int l = top; l >= 0; l--)
        {
            int outSize = _sizes[l + 1];
            var delta = ws.Delta[l].AsSpan(0, m * outSize);
            TensorPrimitives.Multiply(ws.U[l].AsSpan(0, m * outSize), ws.D1[l].AsSpan(0, m * outSize), delta);
            if (l == 0) break;
            int inSize = _sizes[l];
            Gemm.Multiply(delta, theta.Slice(_weightOffset[l], outSize * inSize), ws.U[l - 1].AsSpan(0, m * inSize), m, outSize,
                inSize);
        }
    }

    /// <summary>
    /// Parameter gradient <c>Σ_i w_i g_i</c> from the backward signals of <see cref="BackwardSignals"/>:
    /// <c>∂/∂W_ℓ = Δ_ℓᵀ A_{ℓ−1}</c>, <c>∂/∂b_ℓ = Σ_i Δ_ℓ[i]</c>, <c>∂/∂a = Σ_i w_i a_L[i]</c>, <c>∂/∂c = Σ_i w_i</c>.
    /// </summary>
    private void ParameterGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> adjoints, int m, Span<double> gradient, MlpWorkspace ws)
    {
        gradient[_outputOffset..].Clear();
        for (int l = 0; l < Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            ReadOnlySpan<double> below = l == 0 ? x : ws.A[l - 1].AsSpan(0, m * inSize);
            var biasGradient = gradient.Slice(_biasOffset[l], outSize);
            biasGradient.Clear();
            AccumulateOuter(ws.Delta[l].AsSpan(0, m * outSize), below, m, outSize, inSize,
                gradient.Slice(_weightOffset[l], outSize * inSize), biasGradient, ws, set: true);
        }
        int last = _sizes[Depth];
        var top = ws.A[Depth - 1].AsSpan(0, m * last);
        var outGrad = gradient.Slice(_outputOffset, last);
        for (int i = 0; i < m; i++) TensorPrimitives.MultiplyAdd(top.Slice(i * last, last), adjoints[i], outGrad, outGrad);
        if (OutputBias) gradient[_outputOffset + last] = TensorPrimitives.Sum(adjoints[..m]);
    }

    /// <summary>
    /// <c>G_W += Sᵀ B</c> (or, with <paramref name="set"/>, <c>G_W = Sᵀ B</c>: the bits of clearing it first) and
    /// <c>G_b += Σ_i S[i]</c> for signals S (m × out) and inputs B (m × in).
    /// </summary>
    private static void AccumulateOuter(ReadOnlySpan<double> signals, ReadOnlySpan<double> below, int m, int outSize, int inSize,
        Span<double> weightGradient, Span<double> biasGradient, MlpWorkspace ws, bool set = false)
    {
        var transposed = ws.Transposed.AsSpan(0, outSize * m);
        Gemm.Transpose(signals, transposed, m, outSize);
        if (set) Gemm.Multiply(transposed, below, weightGradient, outSize, m, inSize);
        else Gemm.MultiplyAdd(transposed, below, weightGradient, outSize, m, inSize);
        for (int i = 0; i < m; i++) TensorPrimitives.Add(biasGradient, signals.Slice(i * outSize, outSize), biasGradient);
    }

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        Span<double> h = stackalloc double[1];
        Forward(theta, x, h, ws);
        return h[0];
    }

    public override void Forward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> outputs, Workspace ws)
    {
        int m = CheckedRows(x);
        ForwardPass(theta, x, m, outputs, Check(theta, ws, m), second: false);
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        int m = CheckedRows(x);
        if (m != 1) throw new Validation.InvalidInputException("x", $"has {m} rows; Gradient takes one example");
        var w = Check(theta, ws, 1);
        Span<double> h = stackalloc double[1];
        ReadOnlySpan<double> one = [1.0];
        ForwardPass(theta, x, 1, h, w, second: false);
        BackwardSignals(theta, one, 1, w);
        ParameterGradient(x, one, 1, gradient, w);
        return h[0];
    }

    public override double LossGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, Workspace ws)
    {
        int m = CheckedRows(x);
        var w = Check(theta, ws, m);
        CheckSpans(targets, hasTargets: true, m, gradient);
        if (SplitsRows(m, w)) return LossGradientSplit(theta, x, targets, gradient, m, w);
        var h = w.Outputs.AsSpan(0, m);
        ForwardPass(theta, x, m, h, w, second: false);
        var adjoints = w.RowScalars.AsSpan(0, m);
        TensorPrimitives.Subtract(h, targets[..m], adjoints);
        double loss = TensorPrimitives.Dot(adjoints, adjoints) / (2 * m);
        TensorPrimitives.Multiply(adjoints, 1.0 / m, adjoints);
        BackwardSignals(theta, adjoints, m, w);
        ParameterGradient(x, adjoints, m, gradient, w);
        return loss;
    }

    public override double LossGradientStep(Span<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets, double eta,
        Span<double> gradient, Workspace ws)
    {
        int m = CheckedRows(x);
        var w = Check(theta, ws, m);
        CheckSpans(targets, hasTargets: true, m, gradient);
        if (SplitsRows(m, w)) return LossGradientSplit(theta, x, targets, gradient, m, w, eta);
        return base.LossGradientStep(theta, x, targets, eta, gradient, ws);
    }

    /// <summary>
    /// The rows <c>[0, m)</c> of a batch of <paramref name="total"/> rows: writes <c>(1/total) Σ_i r_i g_i</c> and
    /// returns <c>Σ_i r_i²</c> (the half-batch part of <see cref="LossGradient"/>).
    /// </summary>
    private double LossGradientRows(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets, int m,
        int total, Span<double> gradient, MlpWorkspace w)
    {
        var h = w.Outputs.AsSpan(0, m);
        ForwardPass(theta, x, m, h, w, second: false);
        var adjoints = w.RowScalars.AsSpan(0, m);
        TensorPrimitives.Subtract(h, targets[..m], adjoints);
        double squares = TensorPrimitives.Dot(adjoints, adjoints);
        TensorPrimitives.Multiply(adjoints, 1.0 / total, adjoints);
        BackwardSignals(theta, adjoints, m, w);
        ParameterGradient(x, adjoints, m, gradient, w);
        return squares;
    }
}
