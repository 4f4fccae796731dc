using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The loss gradient of an <see cref="Mlp"/> (docs/theory.md §1) for the parameter vectors of several chains at once,
/// structure of arrays: entry j of every span is a vector of width <typeparamref name="TW"/> whose lane c belongs to
/// chain c. Each lane gets exactly the
/// bits that <see cref="Mlp.LossGradient"/> gives that chain alone: every matrix element sums its terms in the same
/// order with the same fused or separate multiply-adds (<see cref="Gemm.FusedColumns"/>), the reductions follow
/// <see cref="SummationOrder"/> and the activations are the same functions (the engine's own exponential, logarithm and tanh, one source for one double
/// and for the lanes, or the same library calls). The only possible difference is the sign of a zero. One instance is one worker's scratch; nothing is allocated after construction.
/// </summary>
internal sealed partial class MlpLanes<TW, TV, TU> : IChainLanes<TV> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    private readonly Mlp _mlp;
    private readonly int[] _sizes;
    private readonly LaneBuffer<TV>[] _z, _a, _d1, _u, _delta, _pairU, _pairDelta;
    private readonly LaneBuffer<TV> _h, _adjoints, _pairAdjoints;
    private readonly SummationOrder _outputDot;
    private readonly Dictionary<int, SummationOrder> _rowSums;
    private readonly double[] _one = new double[1];
    private readonly double[] _oneOut = new double[1];

    private MlpLanes(Mlp mlp, int maxRows, Dictionary<int, SummationOrder> rowSums, SummationOrder outputDot)
    {
        _saved = new LaneBuffer<TV>(maxRows * (2 * Enumerable.Range(1, mlp.Depth).Sum(mlp.Size) + 1));
        _mlp = mlp;
        _sizes = [.. Enumerable.Range(0, mlp.Depth + 1).Select(mlp.Size)];
        LaneBuffer<TV>[] Block() => [.. Enumerable.Range(0, mlp.Depth).Select(l => new LaneBuffer<TV>(maxRows * _sizes[l + 1]))];
        _z = Block(); _a = Block(); _d1 = Block(); _u = Block(); _delta = Block(); _pairU = Block(); _pairDelta = Block();
        _h = new LaneBuffer<TV>(maxRows);
        _adjoints = new LaneBuffer<TV>(maxRows);
        _pairAdjoints = new LaneBuffer<TV>(maxRows);
        _rowSums = rowSums;
        _outputDot = outputDot;
    }

    /// <summary>Each value in every lane (the data every chain, or every point, shares).</summary>
    internal static LaneBuffer<TV> Broadcast(double[] values)
    {
        var lanes = new LaneBuffer<TV>(values.Length);
        for (int i = 0; i < values.Length; i++) lanes[i] = TW.C(values[i]);
        return lanes;
    }

    /// <summary>
    /// Lane scratch for batches of the given row counts, or null when this machine cannot reproduce the per-chain
    /// arithmetic (no SIMD, or a summation order that does not verify); the caller then runs chains one by one.
    /// </summary>
    public static MlpLanes<TW, TV, TU>? Create(Mlp mlp, params int[] rowCounts)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        if (!Vector128.IsHardwareAccelerated) return null;
        var outputDot = SummationOrder.For(mlp.Size(mlp.Depth));
        if (outputDot is null) return null;
        var rowSums = new Dictionary<int, SummationOrder>();
        foreach (int m in rowCounts)
        {
            var order = SummationOrder.For(m);
            if (order is null) return null;
            rowSums[m] = order;
        }
        return new MlpLanes<TW, TV, TU>(mlp, rowCounts.Max(), rowSums, outputDot);
    }

    /// <summary>
    /// Writes <c>∇_θ (1/2m) Σ_i (h(x_i; θ) − t_i)²</c> per lane and returns the loss per lane, for m rows of
    /// <paramref name="x"/> (<c>m × d</c> entries).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TV LossGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x,
        ReadOnlySpan<TV> targets, int m, Span<TV> gradient)
    {
        Forward(theta, x, m);
        return BackwardGradient(theta, x, targets, m, gradient);
    }

    /// <summary>The part of <see cref="LossGradient"/> after its forward pass: the loss, backward and parameter gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TV BackwardGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets, int m, Span<TV> gradient)
    {
        var order = _rowSums[m];
        var adjoints = _adjoints.AsSpan(0, m);
        var loss = Adjoints(targets, adjoints, order);
        Backward(theta, adjoints, default, m);
        ParameterGradient(x, adjoints, default, m, gradient, default, order);
        return loss;
    }

    /// <summary>
    /// <see cref="LossGradient"/> for two target vectors at the same θ and x (docs/theory.md §3.3: the clean gradient of the
    /// Rao–Blackwell sums and the noisy step direction), bit for bit as two calls: one forward pass, then one backward
    /// and one parameter-gradient pass carrying both signals, so the shared weights and activations are loaded once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (TV Loss, TV PairLoss) LossGradients(ReadOnlySpan<TV> theta,
        ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets, ReadOnlySpan<TV> pairTargets,
        int m, Span<TV> gradient, Span<TV> pairGradient)
    {
        Forward(theta, x, m);
        var order = _rowSums[m];
        var adjoints = _adjoints.AsSpan(0, m);
        var pairAdjoints = _pairAdjoints.AsSpan(0, m);
        var loss = Adjoints(targets, adjoints, order);
        var pairLoss = Adjoints(pairTargets, pairAdjoints, order);
        Backward(theta, adjoints, pairAdjoints, m);
        ParameterGradient(x, adjoints, pairAdjoints, m, gradient, pairGradient, order);
        return (loss, pairLoss);
    }

    /// <summary>Residuals <c>(h_i − t_i)/m</c> into <paramref name="adjoints"/>; returns the loss <c>Σ (h_i − t_i)² / 2m</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV Adjoints(ReadOnlySpan<TV> targets, Span<TV> adjoints,
        SummationOrder order)
    {
        int m = adjoints.Length;
        for (int i = 0; i < m; i++) adjoints[i] = _h[i] - targets[i];
        var loss = order.Dot<TV>(adjoints, adjoints) / TW.C((double)(2 * m));
        var scale = TW.C(1.0 / m);
        for (int i = 0; i < m; i++) adjoints[i] *= scale;
        return loss;
    }

    /// <summary>Layer by layer <c>z = W a + b</c>, <c>a = φ(z)</c>, then <c>h = aᵀ a_L + c</c> (Mlp.ForwardPass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, int m)
    {
        ReadOnlySpan<TV> previous = x;
        for (int l = 0; l < _mlp.Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            int weights = _mlp.WeightOffset(l), bias = _mlp.BiasOffset(l);
            var z = _z[l].AsSpan(0, m * outSize);
            for (int i = 0; i < m; i++)
            {
                int fused = Gemm.FusedColumns(i, m, outSize);
                var row = previous.Slice(i * inSize, inSize);
                for (int o = 0; o < outSize; o += 4)
                {
                    LaneAccumulate<TW, TV, TU>.Four(z[(i * outSize + o)..], 1, theta[(bias + o)..], 1, row, 1, theta[(weights + o * inSize)..],
                        1, inSize, inSize, Math.Min(4, outSize - o), o < fused);
                }
            }
            Activate(_mlp.Activations[l], z, _a[l].AsSpan(0, m * outSize), _d1[l].AsSpan(0, m * outSize));
            previous = _a[l].AsSpan(0, m * outSize);
        }
        int last = _sizes[_mlp.Depth], output = _mlp.OutputOffset;
        var outWeights = theta.Slice(output, last);
        var c = _mlp.OutputBias ? theta[output + last] : TW.C(0.0);
        for (int i = 0; i < m; i++) _h[i] = _outputDot.Dot<TV>(previous.Slice(i * last, last), outWeights) + c;
    }

    /// <summary>
    /// <c>U_L = w aᵀ</c>, <c>Δ_ℓ = φ'_ℓ ⊙ U_ℓ</c>, <c>U_{ℓ−1} = Δ_ℓ W_ℓ</c> (Mlp.BackwardSignals), and the same for
    /// <paramref name="pairAdjoints"/> into the pair's signals unless it is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> adjoints,
        ReadOnlySpan<TV> pairAdjoints, int m)
    {
        int top = _mlp.Depth - 1, last = _sizes[_mlp.Depth];
        bool pair = !pairAdjoints.IsEmpty;
        var outWeights = theta.Slice(_mlp.OutputOffset, last);
        for (int l = top; l >= 0; l--)
        {
            int outSize = _sizes[l + 1];
            var delta = _delta[l].AsSpan(0, m * outSize);
            var pairDelta = pair ? _pairDelta[l].AsSpan(0, m * outSize) : default;
            var d1 = _d1[l].AsSpan(0, m * outSize);
            if (l == top)
            {
                // U_L = w aᵀ is used once: Δ_L = (a_o w_i) φ'_L, rounded in that order, without storing U_L.
                for (int i = 0; i < m; i++)
                {
                    var adjoint = adjoints[i];
                    var slope = d1.Slice(i * last, last);
                    var row = delta.Slice(i * last, last);
                    if (!pair)
                    {
                        for (int o = 0; o < row.Length; o++) row[o] = outWeights[o] * adjoint * slope[o];
                        continue;
                    }
                    var pairAdjoint = pairAdjoints[i];
                    var pairRow = pairDelta.Slice(i * last, last);
                    for (int o = 0; o < row.Length; o++)
                    {
                        var (w, d) = (outWeights[o], slope[o]);
                        (row[o], pairRow[o]) = (w * adjoint * d, w * pairAdjoint * d);
                    }
                }
            }
            else
            {
                var ul = _u[l].AsSpan(0, m * outSize);
                var pairUl = _pairU[l].AsSpan(0, m * outSize);
                for (int t = 0; t < delta.Length; t++) delta[t] = ul[t] * d1[t];
                for (int t = 0; t < pairDelta.Length; t++) pairDelta[t] = pairUl[t] * d1[t];
            }
            if (l == 0) break;
            int inSize = _sizes[l];
            var weights = theta.Slice(_mlp.WeightOffset(l), outSize * inSize);
            var below = _u[l - 1].AsSpan(0, m * inSize);
            var pairBelow = pair ? _pairU[l - 1].AsSpan(0, m * inSize) : default;
            for (int i = 0; i < m; i++)
            {
                int fused = Gemm.FusedColumns(i, m, inSize);
                var row = delta.Slice(i * outSize, outSize);
                var pairRow = pair ? pairDelta.Slice(i * outSize, outSize) : default;
                for (int j = 0; j < inSize; j += 4)
                {
                    int at = i * inSize + j, count = Math.Min(4, inSize - j);
                    if (pair)
                    {
                        LanePairAccumulate<TW, TV, TU>.Four(below[at..], pairBelow[at..], 1, row, pairRow, 1, weights[j..], inSize, 1,
                            outSize, count, j < fused);
                    }
                    else LaneAccumulate<TW, TV, TU>.Four(below[at..], 1, default, 0, row, 1, weights[j..], inSize, 1, outSize, count, j < fused);
                }
            }
        }
    }

    /// <summary>
    /// <c>∂/∂W_ℓ = Δ_ℓᵀ A_{ℓ−1}</c>, <c>∂/∂b_ℓ = Σ_i Δ_ℓ[i]</c>, <c>∂/∂a = Σ_i w_i a_L[i]</c>, <c>∂/∂c = Σ_i w_i</c>
    /// (Mlp.ParameterGradient), and the same for the pair's signals into <paramref name="pairGradient"/> unless
    /// <paramref name="pairAdjoints"/> is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParameterGradient(ReadOnlySpan<TV> x, ReadOnlySpan<TV> adjoints,
        ReadOnlySpan<TV> pairAdjoints, int m, Span<TV> gradient,
        Span<TV> pairGradient, SummationOrder rowSum)
    {
        bool pair = !pairAdjoints.IsEmpty;
        // Every entry is assigned below (W, b per layer, a, c), so the gradient is not cleared first.
        for (int l = 0; l < _mlp.Depth; l++)
        {
            int inSize = _sizes[l], outSize = _sizes[l + 1];
            ReadOnlySpan<TV> below = l == 0 ? x : _a[l - 1].AsSpan(0, m * inSize);
            var signals = _delta[l].AsSpan(0, m * outSize);
            var pairSignals = pair ? _pairDelta[l].AsSpan(0, m * outSize) : default;
            int weights = _mlp.WeightOffset(l), bias = _mlp.BiasOffset(l);
            for (int o = 0; o < outSize; o++)
            {
                int fused = Gemm.FusedColumns(o, outSize, inSize);
                var column = signals[o..];
                var pairColumn = pair ? pairSignals[o..] : default;
                for (int j = 0; j < inSize; j += 4)
                {
                    int at = weights + o * inSize + j;
                    int count = Math.Min(4, inSize - j);
                    if (pair)
                    {
                        LanePairAccumulate<TW, TV, TU>.Four(gradient[at..], pairGradient[at..], 1, column, pairColumn, outSize, below[j..],
                            inSize, 1, m, count, j < fused);
                    }
                    else LaneAccumulate<TW, TV, TU>.Four(gradient[at..], 1, default, 0, column, outSize, below[j..], inSize, 1, m, count, j < fused);
                }
                gradient[bias + o] = ColumnSum(signals, o, outSize);
                if (pair) pairGradient[bias + o] = ColumnSum(pairSignals, o, outSize);
            }
        }
        int last = _sizes[_mlp.Depth], output = _mlp.OutputOffset;
        var top = _a[_mlp.Depth - 1].AsSpan(0, m * last);
        for (int t = 0; t < last; t += 4)
        {
            var (at, count) = (output + t, Math.Min(4, last - t));
            if (pair)
            {
                LanePairAccumulate<TW, TV, TU>.Four(gradient[at..], pairGradient[at..], 1, adjoints, pairAdjoints, 1, top[t..], last, 1, m,
                    count, fused: false);
            }
            else LaneAccumulate<TW, TV, TU>.Four(gradient[at..], 1, default, 0, adjoints, 1, top[t..], last, 1, m, count, fused: false);
        }
        if (!_mlp.OutputBias) return;
        gradient[output + last] = rowSum.Sum<TV>(adjoints[..m]);
        if (pair) pairGradient[output + last] = rowSum.Sum<TV>(pairAdjoints[..m]);
    }

    /// <summary><c>Σ_i Δ[i, o]</c> in row order, from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ColumnSum(ReadOnlySpan<TV> signals, int o, int columns)
    {
        var b = TW.C(0.0);
        for (int t = o; t < signals.Length; t += columns) b += signals[t];
        return b;
    }

    /// <summary>φ and φ' as <see cref="Activation.Evaluate(ActivationKind, ReadOnlySpan{double}, Span{double}, Span{double}, Span{double})"/> computes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Activate(ActivationKind kind, ReadOnlySpan<TV> z, Span<TV> value,
        Span<TV> d1)
    {
        var zs = MemoryMarshal.Cast<TV, double>(z);
        var vs = MemoryMarshal.Cast<TV, double>(value);
        var ds = MemoryMarshal.Cast<TV, double>(d1);
        switch (kind)
        {
            case ActivationKind.Tanh:
                HyperbolicTangent<TW, TV, TU>.Evaluate(z, value, d1);
                return;
            case ActivationKind.Logistic:
                // One chain's span of length 1 takes the library's scalar path, longer ones its vector path.
                if (z.Length == 1) Elementwise(zs, vs);
                else TensorPrimitives.Sigmoid(zs, vs);
                var one = TW.C(1.0);
                for (int t = 0; t < z.Length; t++)
                {
                    var s = value[t];
                    d1[t] = s * (one - s);
                }
                return;
            case ActivationKind.Identity:
                z.CopyTo(value);
                d1.Fill(TW.C(1.0));
                return;
            case ActivationKind.Relu or ActivationKind.LeakyRelu:
                Rectify(kind == ActivationKind.Relu ? 0.0 : Activation.LeakySlope, z, value, d1);
                return;
            case ActivationKind.Softplus:
                ActivationLanes<TW, TV, TU>.Softplus(z, value, d1);
                return;
            case ActivationKind.Gelu:
                ActivationLanes<TW, TV, TU>.Gelu(z, value, d1);
                return;
            default:
                for (int t = 0; t < zs.Length; t++) Activation.Evaluate(kind, zs[t], out vs[t], out ds[t], out _);
                return;
        }
    }

    /// <summary>
    /// <c>z &gt; 0 ? z : slope·z</c> and <c>z &gt; 0 ? 1 : slope</c> lane by lane, branch-free: the scalar
    /// <see cref="Activation.Evaluate(ActivationKind, double, out double, out double, out double)"/> with a mask for its
    /// comparison (NaN and −0 take the second branch as there; slope 0 gives +0 as the literal 0 does), so every lane has
    /// its bits.
    /// </summary>
    private static void Rectify(double slope, ReadOnlySpan<TV> z, Span<TV> value, Span<TV> d1)
    {
        TV zero = TW.C(0.0), one = TW.C(1.0), below = TW.C(slope);
        for (int t = 0; t < z.Length; t++)
        {
            var positive = TW.Less(zero, z[t]);
            value[t] = TW.Select(positive, z[t], slope == 0 ? zero : below * z[t]);
            d1[t] = TW.Select(positive, one, below);
        }
    }

    private void Elementwise(ReadOnlySpan<double> z, Span<double> value)
    {
        for (int t = 0; t < z.Length; t++)
        {
            _one[0] = z[t];
            TensorPrimitives.Sigmoid(_one, _oneOut);
            value[t] = _oneOut[0];
        }
    }
}
