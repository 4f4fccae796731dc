using System.Runtime.Intrinsics;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The chain-batched loop of <see cref="ChainEnsemble"/> at the lane width the machine runs natively (docs/design.md
/// "Bit-identity contract"): eight chains per <see cref="Vector512{T}"/> with AVX-512, four per <see cref="Vector256{T}"/>
/// with AVX2, two per <see cref="Vector128{T}"/> with SSE or Arm AdvSimd; every width gives each chain the per-chain bits.
/// </summary>
internal abstract class ChainBlocks
{
    /// <summary>The lane width this machine runs natively (8, 4 or 2), or 0 when it has no SIMD.</summary>
    public static int NativeWidth => Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 :
        Vector128.IsHardwareAccelerated ? 2 : 0;

    /// <summary>Chains per block.</summary>
    public abstract int Width { get; }

    /// <summary>
    /// The batched loop for this run, or null when the model is neither an MLP nor a DAG network, the machine cannot batch it, or (unless
    /// <paramref name="force"/>) an MLP's per-chain kernels would be faster (<see cref="PerChainIsFaster"/>).
    /// <paramref name="width"/> 0 takes <see cref="NativeWidth"/>; 2, 4 or 8 force that width (the tests run every width
    /// on any machine: a width the hardware lacks is emulated by the runtime, slower, with the same bits).
    /// </summary>
    public static ChainBlocks? TryCreate(LabelNoiseSgd sgd, ChainRun chains, IReadOnlyList<double[]> starts, int steps,
        int[] snapshotSteps, ProgressMeter meter, bool antithetic, bool clean, bool force, int width,
        CancellationToken cancellation)
    {
        if (sgd.Model is not (Mlp or DagNetwork)) return null;
        if (!force && sgd.Model is Mlp mlp && PerChainIsFaster(mlp, sgd.Data.Count)) return null;
        var run = new RunSetting(sgd, chains, starts, steps, snapshotSteps, meter, antithetic, clean, cancellation);
        return (width == 0 ? NativeWidth : width) switch
        {
            8 => ChainBlockRun<Width512, Lanes512, Bits512>.TryCreate(run),
            4 => ChainBlockRun<Width256, Lanes256, Bits256>.TryCreate(run),
            2 => ChainBlockRun<Width128, Lanes128, Bits128>.TryCreate(run),
            0 => null,
            _ => throw new ArgumentOutOfRangeException(nameof(width), width, "lane width 0 (native), 2, 4 or 8"),
        };
    }

    /// <summary>
    /// Whether at least 90% of a forward pass over <paramref name="rows"/> rows runs in the per-chain GEMM's vector
    /// kernels (<see cref="Gemm.FusedColumns"/>): then one chain's matrix products are already dense SIMD
    /// and the per-chain path wins (measured: hidden [32, 32] at n = 16 per chain 1.3× faster; [24, 24] or [28, 28],
    /// where a third of the columns are scalar, batched 2.5× faster; drift5 batched about 4×).
    /// </summary>
    public static bool PerChainIsFaster(Mlp mlp, int rows)
    {
        double vector = 0, all = 0;
        for (int l = 0; l < mlp.Depth; l++)
        {
            int inSize = l == 0 ? mlp.InputDimension : mlp.Hidden[l - 1], outSize = mlp.Hidden[l];
            for (int i = 0; i < rows; i++) vector += (double)inSize * Gemm.FusedColumns(i, rows, outSize);
            all += (double)rows * inSize * outSize;
        }
        return vector >= 0.9 * all;
    }

    /// <summary>
    /// Runs every block on <paramref name="parallel"/> (one workspace per worker) and writes what
    /// <see cref="ChainRun.Chain"/> writes for each chain.
    /// </summary>
    public abstract void Run(ParallelOptions parallel, double[][] final, double[][]? meanGradient, double[]? meanLoss,
        double[][][] snapshots);

    /// <summary>What a block run is given: the problem, its chains, and what to record.</summary>
    internal sealed record RunSetting(LabelNoiseSgd Sgd, ChainRun Chains, IReadOnlyList<double[]> Starts, int Steps,
        int[] SnapshotSteps, ProgressMeter Meter, bool Antithetic, bool Clean, CancellationToken Cancellation);
}
