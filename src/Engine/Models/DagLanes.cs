using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The loss gradient of a <see cref="DagNetwork"/> (docs/theory.md §1) for the parameter vectors of several chains at
/// once, structure of arrays: entry j of every span is a vector of width <typeparamref name="TW"/> whose lane c belongs
/// to chain c. Each lane does, node by node and row by row, the arithmetic of the per-chain path (the default
/// <see cref="Model.LossGradient"/> over <see cref="DagNetwork.Gradient"/>) in its order, one rounding per operation:
/// forward <c>z_j = b_j + Σ_s w_{j,s} a_s</c> in source order, <c>g_i = ∇_θ h(x_i)</c> by reverse mode from
/// <c>ā_out = 1</c>, then <c>∇ ← g_i · (r_i/m) + ∇</c> and <c>L ← L + r_i²</c> row by row. The activations are
/// <see cref="Activation.Evaluate(ActivationKind, double, out double, out double, out double)"/>'s expressions on the
/// engine's own exponential, logarithm and tanh (one source for one double and for the lanes), or that scalar function
/// lane by lane; so every lane has the per-chain bits (docs/design.md "Bit-identity contract"). One instance is one
/// worker's scratch; nothing is allocated after construction.
/// </summary>
internal sealed class DagLanes<TW, TV, TU> : IChainLanes<TV> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>
{
    private readonly int _inputs, _parameters;
    private readonly ActivationKind[] _activations;
    private readonly int[] _edgeStart, _sources;
    private readonly LaneBuffer<TV> _value, _slope, _adjoint, _rowGradient;

    private DagLanes(DagNetwork dag)
    {
        _inputs = dag.InputDimension;
        _parameters = dag.ParameterCount;
        var neurons = dag.Neurons;
        _activations = [.. neurons.Select(n => n.Activation)];
        _edgeStart = new int[neurons.Count + 1];
        for (int j = 0; j < neurons.Count; j++) _edgeStart[j + 1] = _edgeStart[j] + neurons[j].Sources.Count;
        _sources = [.. neurons.SelectMany(n => n.Sources)];
        _value = new LaneBuffer<TV>(_inputs + neurons.Count);
        _adjoint = new LaneBuffer<TV>(_inputs + neurons.Count);
        _slope = new LaneBuffer<TV>(neurons.Count);
        _rowGradient = new LaneBuffer<TV>(_parameters);
    }

    /// <summary>Lane scratch for <paramref name="dag"/>, or null on a machine without SIMD (chains then run one by one).</summary>
    public static DagLanes<TW, TV, TU>? Create(DagNetwork dag)
    {
        ArgumentNullException.ThrowIfNull(dag);
        return Vector128.IsHardwareAccelerated ? new DagLanes<TW, TV, TU>(dag) : null;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TV LossGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets, int m, Span<TV> gradient)
    {
        gradient[.._parameters].Clear();
        TV loss = TW.C(0.0), rows = TW.C((double)m);
        var g = _rowGradient.Span;
        for (int i = 0; i < m; i++)
        {
            var r = RowGradient(theta, x.Slice(i * _inputs, _inputs), g) - targets[i];
            loss += r * r;
            Accumulate(g, r / rows, gradient);
        }
        return loss / TW.C((double)(2 * m));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (TV Loss, TV PairLoss) LossGradients(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets,
        ReadOnlySpan<TV> pairTargets, int m, Span<TV> gradient, Span<TV> pairGradient)
    {
        gradient[.._parameters].Clear();
        pairGradient[.._parameters].Clear();
        TV loss = TW.C(0.0), pairLoss = TW.C(0.0), rows = TW.C((double)m);
        var g = _rowGradient.Span;
        for (int i = 0; i < m; i++)
        {
            var h = RowGradient(theta, x.Slice(i * _inputs, _inputs), g);
            TV r = h - targets[i], pairR = h - pairTargets[i];
            loss += r * r;
            pairLoss += pairR * pairR;
            Accumulate(g, r / rows, gradient);
            Accumulate(g, pairR / rows, pairGradient);
        }
        var twice = TW.C((double)(2 * m));
        return (loss / twice, pairLoss / twice);
    }

    /// <summary><c>sum ← g·scale + sum</c> entry by entry (a multiply, then an add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accumulate(ReadOnlySpan<TV> g, TV scale, Span<TV> sum)
    {
        for (int k = 0; k < _parameters; k++) sum[k] = g[k] * scale + sum[k];
    }

    /// <summary>
    /// <see cref="DagNetwork.Gradient"/> on every lane: the forward pass into the node values and slopes, then reverse
    /// mode <c>z̄_j = ā_{d+j} φ'_j</c>, <c>∂h/∂w_{j,s} = z̄_j a_s</c>, <c>∂h/∂b_j = z̄_j</c>, <c>ā_s += z̄_j w_{j,s}</c>
    /// into <paramref name="g"/>. Returns h.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TV RowGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, Span<TV> g)
    {
        var a = _value.Span;
        var slope = _slope.Span;
        x.CopyTo(a);
        int neurons = _activations.Length;
        for (int j = 0; j < neurons; j++)
        {
            int e1 = _edgeStart[j + 1];
            var z = theta[e1 + j];
            for (int e = _edgeStart[j]; e < e1; e++) z += theta[e + j] * a[_sources[e]];
            (a[_inputs + j], slope[j]) = Activate(_activations[j], z);
        }
        var adjoint = _adjoint.Span;
        adjoint.Clear();
        adjoint[^1] = TW.C(1.0);
        for (int j = neurons - 1; j >= 0; j--)
        {
            var zBar = adjoint[_inputs + j] * slope[j];
            int e1 = _edgeStart[j + 1];
            g[e1 + j] = zBar;
            for (int e = _edgeStart[j]; e < e1; e++)
            {
                int source = _sources[e];
                g[e + j] = zBar * a[source];
                adjoint[source] += zBar * theta[e + j];
            }
        }
        return a[^1];
    }

    /// <summary>
    /// φ(z) and φ'(z) per lane as the scalar <see cref="Activation.Evaluate(ActivationKind, double, out double, out double, out double)"/>
    /// computes them: its expressions on lanes where the engine's functions have lane forms (the branches on the sign of
    /// z become selects on the same comparison), the scalar function lane by lane otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TV Value, TV Slope) Activate(ActivationKind kind, TV z)
    {
        TV one = TW.C(1.0);
        switch (kind)
        {
            case ActivationKind.Identity:
                return (z, one);
            case ActivationKind.Tanh:
                {
                    var t = HyperbolicTangent<TW, TV, TU>.Tanh(z);
                    return (t, one - t * t);
                }
            case ActivationKind.Logistic:
                {
                    var s = Logistic(z);
                    return (s, s * (one - s));
                }
            case ActivationKind.Silu:
                {
                    TV s = Logistic(z), ds = s * (one - s);
                    return (z * s, s + z * ds);
                }
            case ActivationKind.Softplus or ActivationKind.Gelu:
                {
                    TV value = default, d1 = default;
                    var zs = new ReadOnlySpan<TV>(in z);
                    var vs = new Span<TV>(ref value);
                    var ds = new Span<TV>(ref d1);
                    if (kind == ActivationKind.Softplus) ActivationLanes<TW, TV, TU>.Softplus(zs, vs, ds);
                    else ActivationLanes<TW, TV, TU>.Gelu(zs, vs, ds);
                    return (value, d1);
                }
            default:
                {
                    TV value = z, d1 = z;
                    var vs = MemoryMarshal.Cast<TV, double>(new Span<TV>(ref value));
                    var ds = MemoryMarshal.Cast<TV, double>(new Span<TV>(ref d1));
                    for (int lane = 0; lane < vs.Length; lane++) Activation.Evaluate(kind, vs[lane], out vs[lane], out ds[lane], out _);
                    return (value, d1);
                }
        }
    }

    /// <summary><c>e = exp(−|z|)</c>, then <c>z ≥ 0 ? 1/(1 + e) : e/(1 + e)</c> (the scalar logistic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Logistic(TV z)
    {
        TV one = TW.C(1.0), e = Exponential<TW, TV, TU>.Exp(-TW.Abs(z)), onePlus = one + e;
        return TW.Select(TW.AtMost(TW.C(0.0), z), one / onePlus, e / onePlus);
    }
}
