using System.Diagnostics;

namespace NoiseDrift.Bench;

/// <summary>
/// Operations per second by wall clock: a warm-up that also sizes a chunk to about 10 ms, then whole chunks until at
/// least the requested time has passed.
/// </summary>
public static class Throughput
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(10);

    /// <summary>Sink for results, so no call can be optimised away.</summary>
    public static double Sink { get; private set; }

    public static double Measure(Func<double> op, TimeSpan minimum)
    {
        long chunk = Calibrate(op);
        double sink = 0;
        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < minimum)
        {
            for (long i = 0; i < chunk; i++) sink += op();
            count += chunk;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        Sink = sink;
        return count / seconds;
    }

    private static long Calibrate(Func<double> op)
    {
        double sink = 0;
        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarmUp)
        {
            sink += op();
            count++;
        }
        Sink = sink;
        double perOp = clock.Elapsed.TotalSeconds / count;
        return Math.Max(1, (long)(Chunk.TotalSeconds / perOp));
    }
}
