using System.Runtime.InteropServices;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The σ = 0 control's iterates without the steps that change nothing (docs/theory.md §3, "Controls"). With σ = 0,
/// full batch and no parameter noise the step is a fixed map θ ↦ θ − η∇L(θ): the labels <c>y + 0·ε</c> are y exactly,
/// so the step does not depend on k or on the chain. Once one step returns θ bit for bit, every later step does too and
/// the remaining snapshots are that θ. A start on M reaches such a point within a few thousand steps (the gradient is
/// of the size of the residual, 1e-12, and soon below the rounding of θ), so a horizon of millions of steps costs a few
/// thousand. Until then
/// it steps exactly as <see cref="ChainEnsemble"/>'s per-chain path does, so the snapshots are the same bits.
/// </summary>
public static class DeterministicChain
{
    /// <summary>
    /// θ at each of <paramref name="snapshotSteps"/> (strictly increasing, in [0, K]) from <paramref name="start"/>,
    /// and the step from which θ was fixed (or −1 if it moved until K). Needs σ = 0, full batch, no parameter noise.
    /// </summary>
    public static (double[][] Snapshots, long FixedFrom) Run(Model model, Dataset data, SgdSettings settings,
        ReadOnlySpan<double> start, IReadOnlyList<int> snapshotSteps)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(snapshotSteps);
        if (settings.Problem.Sigma != 0 || settings.ParameterNoise != 0 || settings.Problem.Batch != data.Count)
            throw new ArgumentException("a deterministic chain needs σ = 0, full batch and no parameter noise", nameof(settings));
        var sgd = new LabelNoiseSgd(model, data, settings);
        var ws = sgd.CreateWorkspace();
        var theta = start.ToArray();
        var previous = new double[theta.Length];
        var snapshots = new double[snapshotSteps.Count][];
        long fixedFrom = -1;
        int k = 0;
        for (int s = 0; s < snapshotSteps.Count; s++)
        {
            while (fixedFrom < 0 && k < snapshotSteps[s])
            {
                theta.CopyTo(previous, 0);
                double loss = sgd.Step(theta, 0, k, 1, ws);
                if (sgd.IsDiverged(loss, theta))
                    throw new InvalidOperationException($"the σ = 0 control diverged at step {k} (loss {loss:G4})");
                k++;
                if (MemoryMarshal.AsBytes(theta.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(previous.AsSpan()))) fixedFrom = k - 1;
            }
            snapshots[s] = (double[])theta.Clone();
        }
        return (snapshots, fixedFrom);
    }
}
