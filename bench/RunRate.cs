using System.Diagnostics;

namespace NoiseDrift.Bench;

/// <summary>
/// Units per second of a repeated run: one run to warm up, then runs until at least the requested time has passed; per
/// second of wall time and per second of the process's CPU time (all threads) over the same loop.
/// </summary>
public static class RunRate
{
    public static (double Wall, double Cpu) Measure(TimeSpan minimum, long units, Action run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run();
        long done = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do
        {
            run();
            done += units;
        }
        while (clock.Elapsed < minimum);
        double wall = clock.Elapsed.TotalSeconds;
        return (done / wall, done / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
