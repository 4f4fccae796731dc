using System.Runtime.Intrinsics;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// One worker's scratch for <see cref="ChainBlockRun"/>: eight chains' θ, gradients, Rao–Blackwell sums, noisy targets
/// and gathered batch rows, each entry a <see cref="Vector512{T}"/> with one chain per lane. Reused for every block.
/// </summary>
internal sealed class ChainBlockWorkspace
{
    public ChainBlockWorkspace(MlpLanes lanes, int parameters, int count, int batch, int dimension)
    {
        Lanes = lanes;
        Theta = new Vector512<double>[parameters];
        Gradient = new Vector512<double>[parameters];
        CleanGradient = new Vector512<double>[parameters];
        GradientSum = new Vector512<double>[parameters];
        Targets = new Vector512<double>[count];
        BatchInputs = new Vector512<double>[batch * dimension];
        Indices = new int[count];
        BatchRows = new int[8 * batch];
    }

    public MlpLanes Lanes { get; }

    /// <summary>The first divergence of each lane in the current block.</summary>
    public ChainBlockRun.Divergence Divergence { get; } = new();
    public Vector512<double>[] Theta { get; }
    public Vector512<double>[] Gradient { get; }
    public Vector512<double>[] CleanGradient { get; }

    /// <summary><c>Σ_k ∇L(θ_k)</c> per lane.</summary>
    public Vector512<double>[] GradientSum { get; }

    public Vector512<double>[] Targets { get; }

    /// <summary>Each lane's batch rows, gathered (<c>B × d</c>).</summary>
    public Vector512<double>[] BatchInputs { get; }

    /// <summary>Index scratch of the batch sampler, length n.</summary>
    public int[] Indices { get; }

    /// <summary>The batch of each lane, <c>lane · B + r</c>.</summary>
    public int[] BatchRows { get; }
}
