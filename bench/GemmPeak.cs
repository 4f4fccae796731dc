using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Bench;

/// <summary>
/// The engine's own GEMM peak (docs/design.md "Benchmarks"): <c>Gemm.MultiplyAdd</c> on square n × n products for each size
/// in <see cref="Sizes"/>, as many independent copies as threads started together; the best aggregate GFLOP/s is the
/// reference of <c>peak_fraction</c> on lines with that thread count.
/// </summary>
public static class GemmPeak
{
    public static IReadOnlyList<int> Sizes { get; } = [64, 128, 256, 384];

    /// <summary>The best GFLOP/s over <see cref="Sizes"/> and the size that gave it.</summary>
    public static (double Gflops, int Size) Measure(int threads, TimeSpan minimum)
    {
        (double Gflops, int Size) best = (0, 0);
        foreach (int n in Sizes)
        {
            double gflops = MeasureAt(n, threads, minimum);
            if (gflops > best.Gflops) best = (gflops, n);
        }
        return best;
    }

    /// <summary>Aggregate GFLOP/s of <paramref name="threads"/> concurrent n × n products.</summary>
    public static double MeasureAt(int n, int threads, TimeSpan minimum)
    {
        var rates = new double[threads];
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            var a = Filled(n * n, 1e-3);
            var b = Filled(n * n, 1e-3);
            var c = new double[n * n];
            workers[t] = new Thread(() =>
            {
                start.SignalAndWait();
                rates[index] = Throughput.Measure(() =>
                {
                    Gemm.MultiplyAdd(a, b, c, n, n, n);
                    return c[0];
                }, minimum);
            });
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        return rates.Sum() * 2.0 * n * n * n / 1e9;
    }

    private static double[] Filled(int length, double value)
    {
        var a = new double[length];
        Array.Fill(a, value);
        return a;
    }
}
