using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Lanes;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The clean loss gradient <c>∇L(θ) = ∇_θ (1/2n) Σ_i (h(x_i; θ) − y_i)²</c> of one model and dataset at several points
/// at once (docs/theory.md §1; the sigma points of the mean path, §3.9), each point's gradient bit for bit
/// <see cref="Model.LossGradient"/> at that point: an MLP puts the points into the lanes of <see cref="MlpLanes{TW, TV, TU}"/>
/// as the chain-batched simulator puts its chains (docs/design.md "Bit-identity contract"); any other model, an MLP
/// that splits its rows over two cores, or a machine whose summation order does not verify, takes the points one by
/// one. One instance is one thread's scratch; nothing is allocated after construction.
/// </summary>
public abstract class PointLossGradients
{
    /// <summary>The gradients for <paramref name="model"/> on <paramref name="data"/>, on lanes where they give the same bits.</summary>
    public static PointLossGradients For(Model model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        PointLossGradients? lanes = model is Mlp mlp && !mlp.SplitsRows(data.Count)
            ? Vector512.IsHardwareAccelerated ? Lanes<Width512, Lanes512, Bits512>.TryCreate(mlp, data)
            : Vector256.IsHardwareAccelerated ? Lanes<Width256, Lanes256, Bits256>.TryCreate(mlp, data)
            : Vector128.IsHardwareAccelerated ? Lanes<Width128, Lanes128, Bits128>.TryCreate(mlp, data)
            : null
            : null;
        return lanes ?? new OneByOne(model, data);
    }

    /// <summary>
    /// Writes <c>∇L(points[c])</c> into <c>gradients[c]</c> for every c (each of length p) and returns nothing; a point
    /// whose loss is not finite gets what <see cref="Model.LossGradient"/> writes there.
    /// </summary>
    public abstract void Evaluate(IReadOnlyList<double[]> points, IReadOnlyList<double[]> gradients);

    /// <summary>The lanes at width <typeparamref name="TW"/>: up to <c>TW.Count</c> points a pass, the last pass padded with its last point.</summary>
    internal sealed class Lanes<TW, TV, TU> : PointLossGradients where TW : ILaneWidth<TV, TU>
        where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
            IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
        where TU : IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
            IShiftOperators<TU, int, TU>
    {
        private readonly MlpLanes<TW, TV, TU> _lanes;
        private readonly LaneBuffer<TV> _inputs, _labels, _theta, _gradient;
        private readonly int _count;

        private Lanes(MlpLanes<TW, TV, TU> lanes, Mlp mlp, Dataset data)
        {
            _lanes = lanes;
            _count = data.Count;
            _inputs = MlpLanes<TW, TV, TU>.Broadcast(data.X);
            _labels = MlpLanes<TW, TV, TU>.Broadcast(data.Y);
            _theta = new LaneBuffer<TV>(mlp.ParameterCount);
            _gradient = new LaneBuffer<TV>(mlp.ParameterCount);
        }

        /// <summary>The lanes for this MLP and data, or null where they would not give the per-point bits.</summary>
        internal static Lanes<TW, TV, TU>? TryCreate(Mlp mlp, Dataset data) =>
            MlpLanes<TW, TV, TU>.Create(mlp, data.Count) is { } lanes ? new(lanes, mlp, data) : null;

        /// <inheritdoc/>
        public override void Evaluate(IReadOnlyList<double[]> points, IReadOnlyList<double[]> gradients)
        {
            ArgumentNullException.ThrowIfNull(points);
            ArgumentNullException.ThrowIfNull(gradients);
            int w = TW.Count, p = _theta.Length;
            var theta = _theta.Span;
            var gradient = _gradient.Span;
            var thetaLanes = MemoryMarshal.Cast<TV, double>(theta);
            var gradientLanes = MemoryMarshal.Cast<TV, double>(gradient);
            for (int first = 0; first < points.Count; first += w)
            {
                int real = Math.Min(w, points.Count - first);
                for (int lane = 0; lane < w; lane++)
                {
                    var point = points[first + Math.Min(lane, real - 1)];
                    if (point.Length != p) throw new ArgumentException($"point {first + lane} has length {point.Length}, not p = {p}", nameof(points));
                    for (int j = 0; j < p; j++) thetaLanes[j * w + lane] = point[j];
                }
                _lanes.LossGradient(theta, _inputs.Span, _labels.Span, _count, gradient);
                for (int lane = 0; lane < real; lane++)
                {
                    var row = gradients[first + lane];
                    for (int j = 0; j < p; j++) row[j] = gradientLanes[j * w + lane];
                }
            }
        }
    }

    /// <summary>One point after another through <see cref="Model.LossGradient"/>.</summary>
    private sealed class OneByOne(Model model, Dataset data) : PointLossGradients
    {
        private readonly Workspace _workspace = model.CreateWorkspace(data.Count);

        /// <inheritdoc/>
        public override void Evaluate(IReadOnlyList<double[]> points, IReadOnlyList<double[]> gradients)
        {
            ArgumentNullException.ThrowIfNull(points);
            ArgumentNullException.ThrowIfNull(gradients);
            for (int c = 0; c < points.Count; c++) model.LossGradient(points[c], data.X, data.Y, gradients[c], _workspace);
        }
    }
}
