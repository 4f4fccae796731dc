using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The minibatch step after the clean full-batch gradient at the same θ (docs/theory.md §3.3: the Rao–Blackwell clean
/// gradient beside the noisy step direction): a row's forward pass depends only on θ and that row's input, so each lane's
/// batch rows take z, φ, φ' and h from the full pass instead of computing them again. Exact where
/// <see cref="RowsReusable"/>: every row's pre-activations then sum the same fused or separate multiply-adds among the
/// batch's rows as among all rows (<see cref="Gemm.FusedColumns"/>).
/// </summary>
internal sealed partial class MlpLanes<TW, TV, TU>
{
    /// <summary>The full pass's φ, φ' of every layer and h, kept while the batch's rows are gathered.</summary>
    private readonly LaneBuffer<TV> _saved;

    /// <summary>
    /// Whether the forward pass of a row among <paramref name="b"/> rows gives the bits of the same row among
    /// <paramref name="n"/> in every layer of <paramref name="mlp"/>: <see cref="Gemm.FusedColumns"/> is one value for
    /// every row of both.
    /// </summary>
    public static bool RowsReusable(Mlp mlp, int n, int b)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        for (int l = 1; l <= mlp.Depth; l++)
        {
            int size = mlp.Size(l), fused = Gemm.FusedColumns(0, n, size);
            for (int i = 1; i < n; i++)
            {
                if (Gemm.FusedColumns(i, n, size) != fused) return false;
            }
            for (int r = 0; r < b; r++)
            {
                if (Gemm.FusedColumns(r, b, size) != fused) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <see cref="LossGradient"/> on <paramref name="b"/> rows per lane (lane c's rows <c>rows[c·b + r]</c> of the
    /// <paramref name="n"/> rows, inputs gathered in <paramref name="x"/>) right after <see cref="LossGradient"/> on all
    /// <paramref name="n"/> rows at the same <paramref name="theta"/>: the rows' forward pass is copied from that call.
    /// The caller checks <see cref="RowsReusable"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TV BatchLossGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets, ReadOnlySpan<int> rows,
        int n, int b, Span<TV> gradient)
    {
        var saved = _saved.AsSpan();
        int at = 0;
        for (int l = 0; l < _mlp.Depth; l++)
        {
            int size = _sizes[l + 1];
            Gather(_a[l], saved.Slice(at, n * size), rows, b, size);
            Gather(_d1[l], saved.Slice(at + n * size, n * size), rows, b, size);
            at += 2 * n * size;
        }
        Gather(_h, saved.Slice(at, n), rows, b, 1);
        return BackwardGradient(theta, x, targets, b, gradient);
    }

    /// <summary>
    /// Keeps the first rows of <paramref name="rowMajor"/> (<c>rows × size</c>) in <paramref name="keep"/>, then writes
    /// to its row r, lane c, the kept row <c>rows[c·b + r]</c> of lane c.
    /// </summary>
    private static void Gather(Span<TV> rowMajor, Span<TV> keep, ReadOnlySpan<int> rows, int b, int size)
    {
        rowMajor[..keep.Length].CopyTo(keep);
        var to = MemoryMarshal.Cast<TV, double>(rowMajor);
        var from = MemoryMarshal.Cast<TV, double>(keep);
        int w = TW.Count;
        for (int lane = 0; lane < w; lane++)
        {
            for (int r = 0; r < b; r++)
            {
                int source = rows[lane * b + r] * size, target = r * size;
                for (int o = 0; o < size; o++) to[(target + o) * w + lane] = from[(source + o) * w + lane];
            }
        }
    }
}
