namespace NoiseDrift.Bench;

/// <summary>
/// Aggregate operations per second of independent kernels (separate θ copies and workspaces), one per thread,
/// started together.
/// </summary>
public static class ParallelThroughput
{
    public static double Measure(Workload workload, string op, int threads, TimeSpan minimum)
    {
        var rates = new double[threads];
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            var kernel = new OpKernel(workload);
            workers[t] = new Thread(() =>
            {
                var run = kernel.For(op);
                start.SignalAndWait();
                rates[index] = Throughput.Measure(run, minimum);
            });
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        return rates.Sum();
    }
}
