using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// One big operation on two cores (docs/theory.md §1: <c>L</c>, <c>reg</c> and <c>∇reg</c> are sums over rows): when a
/// batch holds at least <see cref="SplitRows"/> rows and <see cref="SplitWork"/> multiply-adds, its rows are cut
/// into two fixed halves, the second half runs on the thread pool in a second workspace, and the two partial sums are
/// added in a fixed order. The cut depends on the batch only, never on the thread count, so the result is the same on
/// any machine; batches below the threshold take the unsplit path bit for bit as before. Allocation-free.
/// </summary>
public sealed partial class Mlp
{
    /// <summary>The fewest rows that are split.</summary>
    public const int SplitRows = 16;

    /// <summary>The fewest multiply-adds (rows × per-row work) that are split.</summary>
    public const double SplitWork = 1 << 20;

    /// <summary>Multiply-adds of one row through the layers and the output.</summary>
    internal double RowWork
    {
        get
        {
            double work = _sizes[Depth];
            for (int l = 0; l < Depth; l++) work += (double)_sizes[l] * _sizes[l + 1];
            return work;
        }
    }

    /// <summary>Whether a batch of <paramref name="rows"/> is split (a property of the batch alone).</summary>
    public bool SplitsRows(int rows) => rows >= SplitRows && rows * RowWork >= SplitWork;

    private bool SplitsRows(int rows, MlpWorkspace w) => w.Half is not null && SplitsRows(rows);

    /// <summary>
    /// The split loss gradient; with a step size <paramref name="eta"/> (<see cref="LossGradientStep"/>) each thread
    /// then also updates θ over its part of the parameters, once both halves have read θ and the loss is known finite.
    /// </summary>
    private unsafe double LossGradientSplit(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, int m, MlpWorkspace w, double eta = double.NaN)
    {
        int half = m / 2, d = InputDimension;
        var work = w.Work!;
        fixed (double* pt = theta, px = x, py = targets, pg = gradient)
        {
            work.Start(RowOperation.LossGradient, pt, px + half * d, py + half, m - half, m, pg, eta);
            try
            {
                work.First = LossGradientRows(theta, x[..(half * d)], targets[..half], half, m, gradient, w);
            }
            finally
            {
                work.Finish();
            }
            return work.Loss;
        }
    }

    private unsafe double RegSplit(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, MlpWorkspace w)
    {
        int half = m / 2, d = InputDimension;
        var work = w.Work!;
        fixed (double* pt = theta, px = x)
        {
            work.Start(RowOperation.Reg, pt, px + half * d, null, m - half, m, null, double.NaN);
            double first;
            try
            {
                first = RegPasses(theta, x[..(half * d)], half, w, second: false, withAdjoints: false, m);
            }
            finally
            {
                work.Finish();
            }
            return first + work.Result;
        }
    }

    private unsafe double RegGradientSplit(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, int m,
        MlpWorkspace w)
    {
        int half = m / 2, d = InputDimension;
        var work = w.Work!;
        fixed (double* pt = theta, px = x, pg = gradient)
        {
            work.Start(RowOperation.RegGradient, pt, px + half * d, null, m - half, m, pg, double.NaN);
            double first;
            try
            {
                first = RegGradientRows(theta, x[..(half * d)], half, m, gradient, w);
            }
            finally
            {
                work.Finish();
            }
            return first + work.Result;
        }
    }

    internal enum RowOperation
    {
        LossGradient,
        Reg,
        RegGradient,
    }

    /// <summary>
    /// The second half of a split batch as a reusable thread-pool work item. The caller pins its spans, queues the
    /// item, runs the first half itself, then either takes the second half back (when no pool thread has picked it
    /// up, so a busy pool never stalls it) or waits for it. A gradient is then summed, <c>first + second</c> element by
    /// element, by both threads at once: the caller adds the lower part of the parameters, the pool thread the upper
    /// part (<see cref="ReductionCut"/>), so the 2p-double pass is not a serial tail. Each element gets the same single
    /// addition either way.
    /// </summary>
    internal sealed unsafe class RowHalf(Mlp model, MlpWorkspace workspace) : IThreadPoolWorkItem
    {
        private readonly double[] _gradient = new double[model.ParameterCount];
        private RowOperation _operation;
        private double* _theta, _x, _targets, _sum;
        private int _rows, _total;
        private double _eta;
        private Exception? _error;
        private int _taken, _computed, _firstDone, _finished;

        /// <summary>
        /// Tests only: this workspace's caller never takes the second half back but waits for a pool thread, so the
        /// two-thread addition runs on every call (otherwise only when a pool thread is quicker than the first half).
        /// </summary>
        internal bool LeaveToPool { get; set; }

        /// <summary>The second half's value (loss squares or reg share), valid after <see cref="Finish"/>.</summary>
        public double Result { get; private set; }

        /// <summary>
        /// The first half's sum of squared residuals, set by the caller before <see cref="Finish"/>; NaN until then, so a
        /// first half that throws never steps θ.
        /// </summary>
        public double First { get; set; }

        /// <summary>The loss <c>(first + second) / (2m)</c> of a loss-gradient split, valid after <see cref="Finish"/>.</summary>
        public double Loss => (First + Result) / (2 * _total);

        /// <summary>Whether θ is stepped: a step size was given and the loss is finite (both threads decide alike).</summary>
        private bool Steps => !double.IsNaN(_eta) && double.IsFinite(Loss);

        /// <summary>Where the parameter range is cut between the two threads' additions: half of p, in whole vectors.</summary>
        internal int ReductionCut => model.ParameterCount / 16 * 8;

        /// <summary>
        /// Queues the second half; the pointers must stay pinned until <see cref="Finish"/> returns. With a gradient
        /// operation, <paramref name="sum"/> holds the first half's gradient on <see cref="Finish"/> and both halves'
        /// after it. A step size <paramref name="eta"/> (NaN for none) also steps θ there (see <see cref="Add"/>).
        /// </summary>
        public void Start(RowOperation operation, double* theta, double* x, double* targets, int rows, int total, double* sum,
            double eta)
        {
            _eta = eta;
            First = double.NaN;
            _theta = theta;
            _x = x;
            _targets = targets;
            _sum = sum;
            (_operation, _rows, _total, _error) = (operation, rows, total, null);
            (_taken, _computed, _firstDone, _finished) = (0, 0, 0, 0);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        /// <summary>
        /// Called once the first half is written: runs the second half here unless a pool thread has taken it, adds
        /// the gradients, waits for the pool thread, and rethrows its error.
        /// </summary>
        public void Finish()
        {
            int p = model.ParameterCount;
            if (!LeaveToPool && Interlocked.Exchange(ref _taken, 1) == 0)
            {
                Second();
                if (_error is null && _sum is not null) Add(0, p);
                Volatile.Write(ref _finished, 1);
            }
            else
            {
                Volatile.Write(ref _firstDone, 1);
                WaitFor(ref _computed);
                if (_error is null && _sum is not null) Add(0, ReductionCut);
                WaitFor(ref _finished);
            }
            if (_error is not null) ExceptionDispatchInfo.Throw(_error);
        }

        public void Execute()
        {
            if (Interlocked.Exchange(ref _taken, 1) != 0) return;
            Second();
            Volatile.Write(ref _computed, 1);
            if (_error is null && _sum is not null)
            {
                WaitFor(ref _firstDone);
                Add(ReductionCut, model.ParameterCount);
            }
            Volatile.Write(ref _finished, 1);
        }

        private static void WaitFor(ref int flag)
        {
            var wait = new SpinWait();
            while (Volatile.Read(ref flag) == 0) wait.SpinOnce(sleep1Threshold: -1);
        }

        /// <summary>
        /// <c>sum[j] += second[j]</c> for <c>j</c> in <c>[from, to)</c>, then, if <see cref="Steps"/>,
        /// <c>θ[j] ← sum[j]·(−η) + θ[j]</c> there: the bits of <see cref="Model.LossGradientStep"/>'s whole-vector
        /// update, since every element gets the same one multiply and one add.
        /// </summary>
        private void Add(int from, int to)
        {
            var sum = new Span<double>(_sum + from, to - from);
            TensorPrimitives.Add(sum, _gradient.AsSpan(from, to - from), sum);
            if (!Steps) return;
            var theta = new Span<double>(_theta + from, to - from);
            TensorPrimitives.MultiplyAdd(sum, -_eta, theta, theta);
        }

        private void Second()
        {
            try
            {
                int p = model.ParameterCount, d = model.InputDimension;
                var theta = new ReadOnlySpan<double>(_theta, p);
                var x = new ReadOnlySpan<double>(_x, _rows * d);
                Result = _operation switch
                {
                    RowOperation.LossGradient => model.LossGradientRows(theta, x, new ReadOnlySpan<double>(_targets, _rows),
                        _rows, _total, _gradient, workspace),
                    RowOperation.Reg => model.RegPasses(theta, x, _rows, workspace, second: false, withAdjoints: false, _total),
                    _ => model.RegGradientRows(theta, x, _rows, _total, _gradient, workspace),
                };
            }
            catch (Exception e)
            {
                _error = e;
            }
        }
    }
}
