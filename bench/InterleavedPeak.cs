namespace NoiseDrift.Bench;

/// <summary>
/// An operation's rate and the GEMM peak measured in alternating windows (docs/design.md "Benchmarks": ratios measured in
/// one run). The shared VM's speed drifts by up to 1.7× within seconds, so a peak timed once before the operations
/// can come from a fast or a slow spell; alternating op, peak, op, peak … windows of a quarter second puts both
/// under the same conditions, and <c>peak_fraction</c> is the ratio of their mean rates.
/// </summary>
public static class InterleavedPeak
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Mean ops/s of <paramref name="rate"/> (called with a window length, returning ops/s) and mean GFLOP/s of the
    /// GEMM at size <paramref name="size"/> on every core, over alternating windows lasting at least
    /// <paramref name="minimum"/> in all.
    /// </summary>
    public static (double OpsPerSecond, double PeakGflops) Measure(Func<TimeSpan, double> rate, int size, TimeSpan minimum)
    {
        int rounds = Math.Max(3, (int)Math.Ceiling(minimum / (2 * Window)));
        double ops = 0, peak = 0;
        for (int r = 0; r < rounds; r++)
        {
            ops += rate(Window);
            peak += GemmPeak.MeasureAt(size, Environment.ProcessorCount, Window);
        }
        return (ops / rounds, peak / rounds);
    }
}
