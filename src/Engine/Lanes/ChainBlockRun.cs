using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Engine.Lanes;

/// <summary>
/// The chain-batched loop of <see cref="ChainEnsemble"/>: chains 8b..8b+7 advance together, parameter j of all eight in
/// one <see cref="Vector512{T}"/> (structure of arrays). Each lane does exactly what <see cref="ChainRun"/> does for its
/// chain (docs/theory.md §1 step, §3 antithetic pairs, parameter-noise control and Rao–Blackwell sums), with the same keyed
/// randomness, so the result is the per-chain result bit for bit (up to the sign of a zero) for any thread count.
/// Allocation-free per step.
/// </summary>
internal sealed class ChainBlockRun
{
    public const int Width = 8;

    private readonly LabelNoiseSgd _sgd;
    private readonly Mlp _mlp;
    private readonly ChainRun _chains;
    private readonly IReadOnlyList<double[]> _starts;
    private readonly int _steps;
    private readonly int[] _snapshotSteps;
    private readonly ProgressMeter _meter;
    private readonly CancellationToken _cancellation;
    private readonly bool _antithetic, _clean;
    private readonly Vector512<double>[] _inputs, _labels;

    private ChainBlockRun(LabelNoiseSgd sgd, Mlp mlp, ChainRun chains, IReadOnlyList<double[]> starts, int steps,
        int[] snapshotSteps, ProgressMeter meter, bool antithetic, bool clean, CancellationToken cancellation)
    {
        (_sgd, _mlp, _chains, _starts, _steps, _snapshotSteps) = (sgd, mlp, chains, starts, steps, snapshotSteps);
        (_meter, _cancellation, _antithetic, _clean) = (meter, cancellation, antithetic, clean);
        _inputs = [.. sgd.Data.X.Select(Vector512.Create)];
        _labels = [.. sgd.Data.Y.Select(Vector512.Create)];
    }

    /// <summary>
    /// The batched loop for this run, or null when the model is not an MLP, the machine cannot batch it, or (unless
    /// <paramref name="force"/>) the per-chain kernels would be faster (<see cref="PerChainIsFaster"/>).
    /// </summary>
    public static ChainBlockRun? TryCreate(LabelNoiseSgd sgd, ChainRun chains, IReadOnlyList<double[]> starts, int steps,
        int[] snapshotSteps, ProgressMeter meter, bool antithetic, bool clean, bool force, CancellationToken cancellation)
    {
        if (sgd.Model is not Mlp mlp || Lanes(mlp, sgd.Data.Count, sgd.Settings.Problem.Batch) is null) return null;
        if (!force && PerChainIsFaster(mlp, sgd.Data.Count)) return null;
        return new ChainBlockRun(sgd, mlp, chains, starts, steps, snapshotSteps, meter, antithetic, clean, cancellation);
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

    /// <summary>Blocks needed for the run.</summary>
    public int Blocks => (_starts.Count + Width - 1) / Width;

    public ChainBlockWorkspace CreateWorkspace() => new(Lanes(_mlp, _sgd.Data.Count, _sgd.Settings.Problem.Batch)!,
        _mlp.ParameterCount, _sgd.Data.Count, _sgd.Settings.Problem.Batch, _sgd.Data.Dimension);

    private static MlpLanes? Lanes(Mlp mlp, int count, int batch) => MlpLanes.Create(mlp, count, batch);

    /// <summary>
    /// Runs block <paramref name="block"/> (chains 8b.., the last block padded with copies of its first chain) and
    /// writes what <see cref="ChainRun.Chain"/> writes for each of its chains; the lowest diverged chain throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Block(int block, double[][] final, double[][]? meanGradient, double[]? meanLoss, double[][][] snapshots,
        ChainBlockWorkspace ws)
    {
        var s = _sgd.Settings;
        var seeds = _sgd.Seeds;
        int first = block * Width, real = Math.Min(Width, _starts.Count - first), p = _mlp.ParameterCount;
        int n = _sgd.Data.Count, stride = _antithetic ? 2 : 1;
        Span<long> streams = stackalloc long[Width];
        Span<double> signs = stackalloc double[Width];
        Span<double> scratch = stackalloc double[Width];
        for (int lane = 0; lane < Width; lane++)
        {
            int c = first + (lane < real ? lane : 0);
            streams[lane] = _antithetic ? c / 2 : c;
            signs[lane] = _antithetic && c % 2 == 1 ? -1.0 : 1.0;
        }
        var theta = ws.Theta.AsSpan();
        for (int j = 0; j < p; j++)
        {
            for (int lane = 0; lane < Width; lane++) scratch[lane] = _starts[first + (lane < real ? lane : 0)][j];
            theta[j] = Vector512.Create<double>(scratch);
        }
        var sign = Vector512.Create<double>(signs);
        var noiseScale = sign * s.Problem.Sigma;
        var tau = sign * s.ParameterNoise;
        var noiseStreams = RandomKeyLanes.Streams(seeds.Noise, streams);
        var parameterStreams = RandomKeyLanes.Streams(seeds.Parameter, streams);
        ws.GradientSum.AsSpan().Clear();
        var lossSum = Vector512<double>.Zero;
        var divergence = ws.Divergence;
        divergence.Reset();

        int nextSnapshot = 0, chunk = _meter.Chunk(_steps), sinceReport = 0;
        for (int k = 0; k < _steps; k++)
        {
            if (nextSnapshot < _snapshotSteps.Length && _snapshotSteps[nextSnapshot] == k)
                Store(theta, snapshots[nextSnapshot++], first, real);
            Vector512<double> loss;
            if (_clean && s.Problem.Batch == n)
            {
                // The clean and the noisy gradient of the full batch in one pass (same bits as one after the other).
                FullBatchTargets(k, stride, noiseScale, noiseStreams, ws.Targets);
                (var clean, loss) = ws.Lanes.LossGradients(theta, _inputs, _labels, ws.Targets, n, ws.CleanGradient, ws.Gradient);
                lossSum += clean;
            }
            else
            {
                if (_clean) lossSum += ws.Lanes.LossGradient(theta, _inputs, _labels, n, ws.CleanGradient);
                loss = NoisyGradient(theta, k, streams, stride, noiseScale, noiseStreams, ws);
            }
            if (_clean)
            {
                var sum = ws.GradientSum.AsSpan();
                for (int j = 0; j < p; j++) sum[j] += ws.CleanGradient[j];
            }
            var step = Vector512.Create(-s.Problem.Eta);
            for (int j = 0; j < p; j++) theta[j] = ws.Gradient[j] * step + theta[j];
            if (s.ParameterNoise > 0)
            {
                var xi = RandomKeyLanes.At(parameterStreams, k);
                for (int j = 0; j < p; j++) theta[j] += tau * xi.Gaussian(Vector512.Create((ulong)j), stride);
            }
            if (divergence.Check(loss, theta, k, real, s.ResidualBound) && divergence.All(real)) break;
            if (++sinceReport == chunk)
            {
                _meter.Add((long)sinceReport * real);
                sinceReport = 0;
                _cancellation.ThrowIfCancellationRequested();
            }
        }
        _meter.Add((long)sinceReport * real);
        if (divergence.Lowest(real) is int lane0)
        {
            var (step, lossAt, finite) = divergence.At(lane0);
            throw new ChainFailure(first + lane0, _chains.Diverged(first + lane0, step, lossAt, finite));
        }
        if (nextSnapshot < _snapshotSteps.Length) Store(theta, snapshots[nextSnapshot], first, real);
        Store(theta, final, first, real);
        if (meanGradient is null || meanLoss is null) return;
        for (int j = 0; j < p; j++)
        {
            var mean = ws.GradientSum[j] / Vector512.Create((double)_steps);
            for (int lane = 0; lane < real; lane++) meanGradient[first + lane][j] = mean[lane];
        }
        var loss0 = lossSum / Vector512.Create((double)_steps);
        for (int lane = 0; lane < real; lane++) meanLoss[first + lane] = loss0[lane];
    }

    /// <summary>
    /// The full-batch targets of <see cref="LabelNoiseSgd.Step"/> for every lane: <c>y_i + sign·σ ε_{k,i}</c> keyed by
    /// (stream, k, i).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FullBatchTargets(int k, int stride, Vector512<double> noiseScale, Vector512<ulong> noiseStreams,
        Span<Vector512<double>> targets)
    {
        var key = RandomKeyLanes.At(noiseStreams, k);
        int i = 0, n = _labels.Length;
        if (stride == 2 && _sgd.Settings.Problem.Noise == NoiseLaw.Gaussian)
        {
            for (; i + 2 <= n; i += 2)
            {
                var (g0, g1) = key.GaussianPairs((ulong)i, (ulong)i + 1);
                targets[i] = _labels[i] + noiseScale * g0;
                targets[i + 1] = _labels[i + 1] + noiseScale * g1;
            }
        }
        for (; i < n; i++) targets[i] = _labels[i] + noiseScale * Draw(key, Vector512.Create((ulong)i), stride);
    }

    /// <summary>
    /// The step direction of <see cref="LabelNoiseSgd.Step"/> for every lane without the clean gradient beside it: on
    /// the full batch (<see cref="FullBatchTargets"/>) or on each lane's keyed batch with targets keyed by (stream, k, row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector512<double> NoisyGradient(ReadOnlySpan<Vector512<double>> theta, int k, ReadOnlySpan<long> streams,
        int stride, Vector512<double> noiseScale, Vector512<ulong> noiseStreams, ChainBlockWorkspace ws)
    {
        var s = _sgd.Settings;
        var data = _sgd.Data;
        int n = data.Count, b = s.Problem.Batch, d = data.Dimension;
        var targets = ws.Targets.AsSpan();
        if (b == n)
        {
            FullBatchTargets(k, stride, noiseScale, noiseStreams, targets);
            return ws.Lanes.LossGradient(theta, _inputs, targets, n, ws.Gradient);
        }
        var key = RandomKeyLanes.At(noiseStreams, k);
        var rows = ws.BatchRows.AsSpan();
        var seeds = _sgd.Seeds;
        for (int lane = 0; lane < Width; lane += stride)
        {
            var batch = BatchSampler.Select(seeds.Batch, streams[lane], k, n, b, ws.Indices);
            for (int copy = 0; copy < stride; copy++) batch.CopyTo(rows.Slice((lane + copy) * b, b));
        }
        Span<ulong> index = stackalloc ulong[Width];
        Span<double> gathered = stackalloc double[Width];
        var inputs = ws.BatchInputs.AsSpan();
        for (int r = 0; r < b; r++)
        {
            for (int lane = 0; lane < Width; lane++) index[lane] = (ulong)rows[lane * b + r];
            for (int lane = 0; lane < Width; lane++) gathered[lane] = data.Y[(int)index[lane]];
            targets[r] = Vector512.Create<double>(gathered) + noiseScale * Draw(key, Vector512.Create<ulong>(index), stride);
            for (int t = 0; t < d; t++)
            {
                for (int lane = 0; lane < Width; lane++) gathered[lane] = data.X[(int)index[lane] * d + t];
                inputs[r * d + t] = Vector512.Create<double>(gathered);
            }
        }
        return ws.Lanes.LossGradient(theta, inputs, targets, b, ws.Gradient);
    }

    private Vector512<double> Draw(in RandomKeyLanes key, Vector512<ulong> index, int stride) =>
        _sgd.Settings.Problem.Noise == NoiseLaw.Gaussian ? key.Gaussian(index, stride) : key.Rademacher(index);

    private static void Store(ReadOnlySpan<Vector512<double>> theta, double[][] rows, int first, int real)
    {
        for (int lane = 0; lane < real; lane++)
        {
            var row = rows[first + lane];
            for (int j = 0; j < theta.Length; j++) row[j] = theta[j][lane];
        }
    }

    /// <summary>The first divergence of each lane (<see cref="LabelNoiseSgd.IsDiverged"/>): step, noisy loss, θ finite.</summary>
    internal sealed class Divergence
    {
        private readonly long[] _step = [-1, -1, -1, -1, -1, -1, -1, -1];
        private readonly double[] _loss = new double[Width];
        private readonly bool[] _thetaFinite = new bool[Width];

        public void Reset() => _step.AsSpan().Fill(-1);

        /// <summary>Records lanes that diverged at step k; true when any lane has diverged so far.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Check(Vector512<double> loss, ReadOnlySpan<Vector512<double>> theta, long k, int real, double bound)
        {
            var sum = Vector512<double>.Zero;
            foreach (var t in theta) sum += t;
            // Healthy lanes: finite loss, √(2·loss) ≤ bound and finite Σθ (x − x = 0 exactly when x is finite).
            var healthy = Vector512.Equals(loss - loss, Vector512<double>.Zero) &
                          Vector512.Equals(sum - sum, Vector512<double>.Zero) &
                          Vector512.LessThanOrEqual(Vector512.Sqrt(2 * loss), Vector512.Create(bound));
            uint realLanes = (1u << real) - 1;
            if ((healthy.ExtractMostSignificantBits() & realLanes) == realLanes && _step.AsSpan(0, real).IndexOfAnyExcept(-1) < 0)
                return false;
            bool any = false;
            for (int lane = 0; lane < real; lane++)
            {
                if (_step[lane] >= 0)
                {
                    any = true;
                    continue;
                }
                double l = loss[lane];
                bool thetaFinite = double.IsFinite(sum[lane]);
                if (double.IsFinite(l) && Math.Sqrt(2 * l) <= bound && thetaFinite) continue;
                (_step[lane], _loss[lane], _thetaFinite[lane], any) = (k, l, thetaFinite, true);
            }
            return any;
        }

        public bool All(int real) => _step.AsSpan(0, real).IndexOf(-1) < 0;

        public int? Lowest(int real)
        {
            for (int lane = 0; lane < real; lane++)
            {
                if (_step[lane] >= 0) return lane;
            }
            return null;
        }

        public (long Step, double Loss, bool ThetaFinite) At(int lane) => (_step[lane], _loss[lane], _thetaFinite[lane]);
    }
}
