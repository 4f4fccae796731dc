using System.Runtime.ExceptionServices;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// One Hessian-vector product on two cores (docs/theory.md §1, <c>H_i v</c>): a big model's product runs its phases in two
/// parts each (<see cref="TangentPhase"/>), shared between the caller and one thread-pool thread. Whichever thread is
/// free claims the next part, so a busy pool costs nothing but the claims, and the result is the same bits however the
/// parts fall. Allocation-free.
/// </summary>
public sealed partial class Mlp
{
    /// <summary>The fewest multiply-adds per row (<see cref="RowWork"/>) whose Hessian-vector product is split.</summary>
    public const double HessianSplitWork = 1 << 15;

    /// <summary>
    /// Whether this model's Hessian-vector products run on two cores: the work is large enough and every hidden width
    /// is a multiple of 16, so each layer halves into whole vectors (a property of the model alone).
    /// </summary>
    public bool SplitsHessianVector => RowWork >= HessianSplitWork && _sizes[1..].All(width => width % 16 == 0);

    /// <summary>
    /// The two parts of every phase of one product as a reusable thread-pool work item. A phase begins once both parts
    /// of the one before are done; each part is claimed once, the caller trying part 0 first and the helper part 1.
    /// The helper, a pool thread, lingers for <see cref="LingerTicks"/> after a product for the next one on this
    /// workspace, so a loop of products does not wait for a pool thread to wake each time. The caller returns only when
    /// every part is done and a helper that joined has finished.
    /// </summary>
    internal sealed unsafe class TangentHalves(Mlp model, MlpWorkspace workspace) : IThreadPoolWorkItem
    {
        private static readonly long LingerTicks = System.Diagnostics.Stopwatch.Frequency / 20_000;
        private readonly int[] _claimed = new int[2 * model.TangentPhases(2)];
        private readonly int[] _done = new int[model.TangentPhases(2)];
        private double* _theta, _x, _v, _product;
        private int _generation, _lingering, _joined, _left;
        private Exception? _error;

        /// <summary>Tests only: the caller leaves part 1 of every phase to the helper and waits for it.</summary>
        internal bool LeaveToPool { get; set; }

        public void Run(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product)
        {
            fixed (double* pt = theta, px = x, pv = v, pp = product)
            {
                _theta = pt;
                _x = px;
                _v = pv;
                _product = pp;
                _error = null;
                Array.Clear(_claimed);
                Array.Clear(_done);
                _left = 0;
                Volatile.Write(ref _joined, 0);
                Interlocked.Increment(ref _generation);
                if (Interlocked.CompareExchange(ref _lingering, 1, 0) == 0)
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                Parts(first: 0, takesBoth: !LeaveToPool);
                if (Interlocked.Exchange(ref _joined, 1) != 0) WaitFor(ref _left, 1);
            }
            if (_error is not null) ExceptionDispatchInfo.Throw(_error);
        }

        /// <summary>
        /// The helper: joins each new product while it lingers, then stops lingering; a product that began just as it
        /// stopped is either seen here or queues a new helper (both sides change their flag with a full fence first).
        /// </summary>
        public void Execute()
        {
            int seen = 0;
            long deadline = 0;
            while (true)
            {
                int generation = Volatile.Read(ref _generation);
                if (generation != seen)
                {
                    seen = generation;
                    if (Interlocked.Exchange(ref _joined, 1) == 0)
                    {
                        Parts(first: 1, takesBoth: true);
                        Volatile.Write(ref _left, 1);
                    }
                    deadline = System.Diagnostics.Stopwatch.GetTimestamp() + LingerTicks;
                    continue;
                }
                if (System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(20);
                    continue;
                }
                Interlocked.Exchange(ref _lingering, 0);
                if (Volatile.Read(ref _generation) == seen || Interlocked.CompareExchange(ref _lingering, 1, 0) != 0) return;
            }
        }

        /// <summary>Every phase in order: claim and run the parts still free, then wait until both are done.</summary>
        private void Parts(int first, bool takesBoth)
        {
            int phases = _done.Length;
            for (int phase = 0; phase < phases; phase++)
            {
                Claim(phase, first);
                if (takesBoth) Claim(phase, 1 - first);
                WaitFor(ref _done[phase], 2);
            }
        }

        private void Claim(int phase, int part)
        {
            if (Interlocked.Exchange(ref _claimed[2 * phase + part], 1) != 0) return;
            if (_error is null)
            {
                try
                {
                    int p = model.ParameterCount, d = model.InputDimension;
                    model.TangentPhase(phase, part, 2, new ReadOnlySpan<double>(_theta, p), new ReadOnlySpan<double>(_x, d),
                        new ReadOnlySpan<double>(_v, p), new Span<double>(_product, p), workspace);
                }
                catch (Exception e)
                {
                    _error = e;
                }
            }
            Interlocked.Increment(ref _done[phase]);
        }

        private static void WaitFor(ref int flag, int value)
        {
            var wait = new SpinWait();
            while (Volatile.Read(ref flag) < value) wait.SpinOnce(sleep1Threshold: -1);
        }
    }
}
