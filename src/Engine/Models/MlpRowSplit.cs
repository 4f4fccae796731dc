using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// One big operation on two cores (THEORY.md §1: <c>L</c>, <c>reg</c> and <c>∇reg</c> are sums over rows): when a
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

    private unsafe double LossGradientSplit(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, int m, MlpWorkspace w)
    {
        int half = m / 2, d = InputDimension;
        var work = w.Work!;
        fixed (double* pt = theta, px = x, py = targets)
        {
            work.Start(RowOperation.LossGradient, pt, px + half * d, py + half, m - half, m);
            double first;
            try
            {
                first = LossGradientRows(theta, x[..(half * d)], targets[..half], half, m, gradient, w);
            }
            finally
            {
                work.Finish();
            }
            TensorPrimitives.Add(gradient, work.Gradient, gradient);
            return (first + work.Result) / (2 * m);
        }
    }

    private unsafe double RegSplit(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, int m, MlpWorkspace w)
    {
        int half = m / 2, d = InputDimension;
        var work = w.Work!;
        fixed (double* pt = theta, px = x)
        {
            work.Start(RowOperation.Reg, pt, px + half * d, null, m - half, m);
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
        fixed (double* pt = theta, px = x)
        {
            work.Start(RowOperation.RegGradient, pt, px + half * d, null, m - half, m);
            double first;
            try
            {
                first = RegGradientRows(theta, x[..(half * d)], half, m, gradient, w);
            }
            finally
            {
                work.Finish();
            }
            TensorPrimitives.Add(gradient, work.Gradient, gradient);
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
    /// up, so a busy pool never stalls it) or waits for it.
    /// </summary>
    internal sealed unsafe class RowHalf(Mlp model, MlpWorkspace workspace) : IThreadPoolWorkItem
    {
        private readonly double[] _gradient = new double[model.ParameterCount];
        private RowOperation _operation;
        private double* _theta, _x, _targets;
        private int _rows, _total;
        private Exception? _error;
        private int _taken, _finished;

        /// <summary>The second half's value (loss squares or reg share), valid after <see cref="Finish"/>.</summary>
        public double Result { get; private set; }

        /// <summary>The second half's gradient share, valid after <see cref="Finish"/>.</summary>
        public ReadOnlySpan<double> Gradient => _gradient;

        /// <summary>Queues the second half; the pointers must stay pinned until <see cref="Finish"/> returns.</summary>
        public void Start(RowOperation operation, double* theta, double* x, double* targets, int rows, int total)
        {
            _theta = theta;
            _x = x;
            _targets = targets;
            (_operation, _rows, _total, _error, _taken, _finished) = (operation, rows, total, null, 0, 0);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        /// <summary>Runs the second half here unless a pool thread has taken it, waits for it, and rethrows its error.</summary>
        public void Finish()
        {
            if (Interlocked.Exchange(ref _taken, 1) == 0) Second();
            var wait = new SpinWait();
            while (Volatile.Read(ref _finished) == 0) wait.SpinOnce(sleep1Threshold: -1);
            if (_error is not null) ExceptionDispatchInfo.Throw(_error);
        }

        public void Execute()
        {
            if (Interlocked.Exchange(ref _taken, 1) == 0) Second();
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
            finally
            {
                Volatile.Write(ref _finished, 1);
            }
        }
    }
}
