using System.Numerics;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// One worker's scratch for <see cref="ChainBlockRun{TW, TV, TU}"/>: a block's θ, gradients, Rao–Blackwell sums, noisy
/// targets and gathered batch rows, each entry a vector with one chain per lane. Reused for every block.
/// </summary>
internal sealed class ChainBlockWorkspace<TW, TV, TU> where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
{
    public ChainBlockWorkspace(IChainLanes<TV> lanes, int parameters, int count, int batch, int dimension)
    {
        Lanes = lanes;
        Theta = new LaneBuffer<TV>(parameters);
        Gradient = new LaneBuffer<TV>(parameters);
        CleanGradient = new LaneBuffer<TV>(parameters);
        GradientSum = new LaneBuffer<TV>(parameters);
        Targets = new LaneBuffer<TV>(count);
        BatchInputs = new LaneBuffer<TV>(batch * dimension);
        Indices = new int[count];
        BatchRows = new int[TW.Count * batch];
    }

    /// <summary>The model's lanes: an <see cref="MlpLanes{TW, TV, TU}"/> or a <see cref="DagLanes{TW, TV, TU}"/>.</summary>
    public IChainLanes<TV> Lanes { get; }

    /// <summary>The first divergence of each lane in the current block.</summary>
    public ChainBlockRun<TW, TV, TU>.Divergence Divergence { get; } = new();
    public LaneBuffer<TV> Theta { get; }
    public LaneBuffer<TV> Gradient { get; }
    public LaneBuffer<TV> CleanGradient { get; }

    /// <summary><c>Σ_k ∇L(θ_k)</c> per lane.</summary>
    public LaneBuffer<TV> GradientSum { get; }

    public LaneBuffer<TV> Targets { get; }

    /// <summary>Each lane's batch rows, gathered (<c>B × d</c>).</summary>
    public LaneBuffer<TV> BatchInputs { get; }

    /// <summary>Index scratch of the batch sampler, length n.</summary>
    public int[] Indices { get; }

    /// <summary>The batch of each lane, <c>lane · B + r</c>.</summary>
    public int[] BatchRows { get; }
}
