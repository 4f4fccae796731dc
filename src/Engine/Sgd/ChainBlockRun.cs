using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NoiseDrift.Engine.Lanes;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The chain-batched loop of <see cref="ChainEnsemble"/> at one lane width: chains Wb..Wb+W−1 advance together
/// (W = <typeparamref name="TW"/>'s lane count), parameter j of all W in one vector (structure of arrays). Each lane does
/// exactly what <see cref="ChainRun"/> does for its chain (docs/theory.md §1 step, §3 antithetic pairs, parameter-noise
/// control and Rao–Blackwell sums), with the same keyed randomness, so the result is the per-chain result bit for bit (up
/// to the sign of a zero) for any thread count and any width. Allocation-free per step.
/// </summary>
internal sealed class ChainBlockRun<TW, TV, TU> : ChainBlocks where TW : ILaneWidth<TV, TU>
    where TV : unmanaged, IAdditionOperators<TV, TV, TV>, ISubtractionOperators<TV, TV, TV>, IMultiplyOperators<TV, TV, TV>,
        IDivisionOperators<TV, TV, TV>, IUnaryNegationOperators<TV, TV>
    where TU : unmanaged, IAdditionOperators<TU, TU, TU>, ISubtractionOperators<TU, TU, TU>, IBitwiseOperators<TU, TU, TU>,
        IShiftOperators<TU, int, TU>, IMultiplyOperators<TU, TU, TU>
{
    private readonly LabelNoiseSgd _sgd;
    private readonly Model _model;
    private readonly ChainRun _chains;
    private readonly IReadOnlyList<double[]> _starts;
    private readonly int _steps;
    private readonly int[] _snapshotSteps;
    private readonly ProgressMeter _meter;
    private readonly CancellationToken _cancellation;
    private readonly bool _antithetic, _clean, _rowsReusable;
    private readonly LaneBuffer<TV> _inputs, _labels;

    private ChainBlockRun(RunSetting run)
    {
        (_sgd, _model, _chains, _starts, _steps, _snapshotSteps) = (run.Sgd, run.Sgd.Model, run.Chains, run.Starts, run.Steps, run.SnapshotSteps);
        (_meter, _cancellation, _antithetic, _clean) = (run.Meter, run.Cancellation, run.Antithetic, run.Clean);
        _rowsReusable = _model is Mlp mlp && MlpLanes<TW, TV, TU>.RowsReusable(mlp, _sgd.Data.Count, _sgd.Settings.Problem.Batch);
        _inputs = MlpLanes<TW, TV, TU>.Broadcast(_sgd.Data.X);
        _labels = MlpLanes<TW, TV, TU>.Broadcast(_sgd.Data.Y);
    }

    public override int Width => TW.Count;

    /// <summary>The loop at this width, or null when the machine cannot reproduce the per-chain arithmetic.</summary>
    public static ChainBlockRun<TW, TV, TU>? TryCreate(RunSetting run) =>
        Lanes(run.Sgd.Model, run.Sgd.Data.Count, run.Sgd.Settings.Problem.Batch) is null ? null : new(run);

    /// <summary>Blocks needed for the run.</summary>
    private int Blocks => (_starts.Count + Width - 1) / Width;

    public override void Run(ParallelOptions parallel, double[][] final, double[][]? meanGradient, double[]? meanLoss,
        double[][][] snapshots) =>
        Parallel.For(0, Blocks, parallel, CreateWorkspace, (block, _, ws) =>
        {
            Block(block, final, meanGradient, meanLoss, snapshots, ws);
            return ws;
        }, _ => { });

    private ChainBlockWorkspace<TW, TV, TU> CreateWorkspace() => new(Lanes(_model, _sgd.Data.Count, _sgd.Settings.Problem.Batch)!,
        _model.ParameterCount, _sgd.Data.Count, _sgd.Settings.Problem.Batch, _sgd.Data.Dimension);

    /// <summary>The model's lanes (an MLP's or a DAG network's), or null where they would not give the per-chain bits.</summary>
    private static IChainLanes<TV>? Lanes(Model model, int count, int batch) => model switch
    {
        Mlp mlp => MlpLanes<TW, TV, TU>.Create(mlp, count, batch),
        DagNetwork dag => DagLanes<TW, TV, TU>.Create(dag),
        _ => null,
    };

    /// <summary>
    /// Runs block <paramref name="block"/> (chains Wb.., the last block padded with copies of its first chain) and
    /// writes what <see cref="ChainRun.Chain"/> writes for each of its chains; the lowest diverged chain throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Block(int block, double[][] final, double[][]? meanGradient, double[]? meanLoss, double[][][] snapshots,
        ChainBlockWorkspace<TW, TV, TU> ws)
    {
        var s = _sgd.Settings;
        var seeds = _sgd.Seeds;
        int first = block * TW.Count, real = Math.Min(TW.Count, _starts.Count - first), p = _model.ParameterCount;
        int n = _sgd.Data.Count, stride = _antithetic ? 2 : 1;
        Span<long> streams = stackalloc long[TW.Count];
        Span<double> signs = stackalloc double[TW.Count];
        Span<double> scratch = stackalloc double[TW.Count];
        for (int lane = 0; lane < TW.Count; lane++)
        {
            int c = first + (lane < real ? lane : 0);
            streams[lane] = _antithetic ? c / 2 : c;
            signs[lane] = _antithetic && c % 2 == 1 ? -1.0 : 1.0;
        }
        var theta = ws.Theta.AsSpan();
        for (int j = 0; j < p; j++)
        {
            for (int lane = 0; lane < TW.Count; lane++) scratch[lane] = _starts[first + (lane < real ? lane : 0)][j];
            theta[j] = MemoryMarshal.Cast<double, TV>(scratch)[0];
        }
        var sign = MemoryMarshal.Cast<double, TV>(signs)[0];
        var noiseScale = sign * TW.C(s.Problem.Sigma);
        var tau = sign * TW.C(s.ParameterNoise);
        var noiseStreams = RandomKeyLanes<TW, TV, TU>.Streams(seeds.Noise, streams);
        var parameterStreams = RandomKeyLanes<TW, TV, TU>.Streams(seeds.Parameter, streams);
        ws.GradientSum.AsSpan().Clear();
        var lossSum = TW.C(0.0);
        var divergence = ws.Divergence;
        divergence.Reset();

        int nextSnapshot = 0, chunk = _meter.Chunk(_steps), sinceReport = 0;
        for (int k = 0; k < _steps; k++)
        {
            if (nextSnapshot < _snapshotSteps.Length && _snapshotSteps[nextSnapshot] == k)
                Store(theta, snapshots[nextSnapshot++], first, real);
            TV loss;
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
                var cleanGradient = ws.CleanGradient.AsSpan();
                for (int j = 0; j < p; j++) sum[j] += cleanGradient[j];
            }
            var step = TW.C(-s.Problem.Eta);
            var gradient = ws.Gradient.AsSpan();
            for (int j = 0; j < p; j++) theta[j] = gradient[j] * step + theta[j];
            if (s.ParameterNoise > 0)
            {
                var xi = RandomKeyLanes<TW, TV, TU>.At(parameterStreams, k);
                xi.AddScaledGaussians(theta[..p], tau, stride, theta[..p]);
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
            var mean = ws.GradientSum[j] / TW.C((double)_steps);
            for (int lane = 0; lane < real; lane++) meanGradient[first + lane][j] = Lane(mean, lane);
        }
        var loss0 = lossSum / TW.C((double)_steps);
        for (int lane = 0; lane < real; lane++) meanLoss[first + lane] = Lane(loss0, lane);
    }

    /// <summary>
    /// The full-batch targets of <see cref="LabelNoiseSgd.Step"/> for every lane: <c>y_i + sign·σ ε_{k,i}</c> keyed by
    /// (stream, k, i).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FullBatchTargets(int k, int stride, TV noiseScale, TU noiseStreams,
        Span<TV> targets)
    {
        var key = RandomKeyLanes<TW, TV, TU>.At(noiseStreams, k);
        int n = _labels.Length;
        if (_sgd.Settings.Problem.Noise == NoiseLaw.Gaussian)
        {
            key.AddScaledGaussians(_labels, noiseScale, stride, targets[..n]);
            return;
        }
        for (int i = 0; i < n; i++) targets[i] = _labels[i] + noiseScale * key.Rademacher(TW.U((ulong)i));
    }

    /// <summary>
    /// The step direction of <see cref="LabelNoiseSgd.Step"/> for every lane without the clean gradient beside it: on
    /// the full batch (<see cref="FullBatchTargets"/>) or on each lane's keyed batch with targets keyed by (stream, k, row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TV NoisyGradient(ReadOnlySpan<TV> theta, int k, ReadOnlySpan<long> streams,
        int stride, TV noiseScale, TU noiseStreams, ChainBlockWorkspace<TW, TV, TU> ws)
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
        var key = RandomKeyLanes<TW, TV, TU>.At(noiseStreams, k);
        var rows = ws.BatchRows.AsSpan();
        var seeds = _sgd.Seeds;
        for (int lane = 0; lane < TW.Count; lane += stride)
        {
            var batch = BatchSampler.Select(seeds.Batch, streams[lane], k, n, b, ws.Indices);
            for (int copy = 0; copy < stride; copy++) batch.CopyTo(rows.Slice((lane + copy) * b, b));
        }
        Span<ulong> index = stackalloc ulong[TW.Count];
        Span<double> gathered = stackalloc double[TW.Count];
        var inputs = ws.BatchInputs.AsSpan();
        for (int r = 0; r < b; r++)
        {
            for (int lane = 0; lane < TW.Count; lane++) index[lane] = (ulong)rows[lane * b + r];
            for (int lane = 0; lane < TW.Count; lane++) gathered[lane] = data.Y[(int)index[lane]];
            targets[r] = MemoryMarshal.Cast<double, TV>(gathered)[0] + noiseScale * Draw(key, MemoryMarshal.Cast<ulong, TU>(index)[0], stride);
            for (int t = 0; t < d; t++)
            {
                for (int lane = 0; lane < TW.Count; lane++) gathered[lane] = data.X[(int)index[lane] * d + t];
                inputs[r * d + t] = MemoryMarshal.Cast<double, TV>(gathered)[0];
            }
        }
        // After the clean full-batch pass at this θ (Block), the batch rows' forward pass is that pass's.
        return _clean && _rowsReusable && ws.Lanes is MlpLanes<TW, TV, TU> mlpLanes
            ? mlpLanes.BatchLossGradient(theta, inputs, targets, rows, n, b, ws.Gradient)
            : ws.Lanes.LossGradient(theta, inputs, targets, b, ws.Gradient);
    }

    private TV Draw(in RandomKeyLanes<TW, TV, TU> key, TU index, int stride) =>
        _sgd.Settings.Problem.Noise == NoiseLaw.Gaussian ? key.Gaussian(index, stride) : key.Rademacher(index);

    private static void Store(ReadOnlySpan<TV> theta, double[][] rows, int first, int real)
    {
        for (int lane = 0; lane < real; lane++)
        {
            var row = rows[first + lane];
            for (int j = 0; j < theta.Length; j++) row[j] = Lane(theta[j], lane);
        }
    }

    /// <summary>Lane <paramref name="lane"/> of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Lane(TV x, int lane) => MemoryMarshal.Cast<TV, double>(new ReadOnlySpan<TV>(in x))[lane];

    /// <summary>The first divergence of each lane (<see cref="LabelNoiseSgd.IsDiverged"/>): step, noisy loss, θ finite.</summary>
    internal sealed class Divergence
    {
        private readonly long[] _step = [.. Enumerable.Repeat(-1L, TW.Count)];
        private readonly double[] _loss = new double[TW.Count];
        private readonly bool[] _thetaFinite = new bool[TW.Count];

        public void Reset() => _step.AsSpan().Fill(-1);

        /// <summary>Records lanes that diverged at step k; true when any lane has diverged so far.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Check(TV loss, ReadOnlySpan<TV> theta, long k, int real, double bound)
        {
            var sum = TW.C(0.0);
            foreach (var t in theta) sum += t;
            var zero = TW.C(0.0);
            // Healthy lanes: finite loss, √(2·loss) ≤ bound and finite Σθ (x − x = 0 exactly when x is finite).
            var healthy = TW.AtMost(loss - loss, zero) & TW.AtMost(sum - sum, zero) &
                          TW.AtMost(TW.Sqrt(TW.C(2.0) * loss), TW.C(bound));
            uint realLanes = (1u << real) - 1;
            if ((TW.Signs(healthy) & realLanes) == realLanes && _step.AsSpan(0, real).IndexOfAnyExcept(-1) < 0)
                return false;
            bool any = false;
            for (int lane = 0; lane < real; lane++)
            {
                if (_step[lane] >= 0)
                {
                    any = true;
                    continue;
                }
                double l = Lane(loss, lane);
                bool thetaFinite = double.IsFinite(Lane(sum, lane));
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
