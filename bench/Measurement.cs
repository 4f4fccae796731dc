using System.Globalization;

namespace NoiseDrift.Bench;

/// <summary>One measured throughput; its JSON line is <c>{"workload","op","ops_per_s","threads"}</c>.</summary>
public sealed record Measurement(string Workload, string Op, int Threads, double OpsPerSecond)
{
    /// <summary>The simulator kernel of a <c>sim_chain_steps</c> line (<c>batched</c> or <c>per_chain</c>), else null.</summary>
    public string? Kernel { get; init; }

    /// <summary>
    /// Operations per second of the process's CPU time (user and system, all threads) over the same timed loop
    /// (drift5): on a shared machine the wall-clock rate is the process's share of the cores, this one is not.
    /// </summary>
    public double? OpsPerCpuSecond { get; init; }

    /// <summary>Attained GFLOP/s (large workload), from <see cref="OpFlops"/>; null elsewhere.</summary>
    public double? Gflops { get; init; }

    /// <summary><see cref="Gflops"/> over the engine's GEMM peak on all cores (<see cref="GemmPeak"/>).</summary>
    public double? PeakFraction { get; init; }

    public string JsonLine() => Bench.JsonLine.Of(json =>
    {
        json.WriteString("workload", Workload);
        json.WriteString("op", Op);
        json.WriteNumber("ops_per_s", Math.Round(OpsPerSecond, 1));
        json.WriteNumber("threads", Threads);
        if (Kernel is not null) json.WriteString("kernel", Kernel);
        if (OpsPerCpuSecond is { } perCpu) json.WriteNumber("ops_per_cpu_s", Math.Round(perCpu, 1));
        if (Gflops is { } gflops) json.WriteNumber("gflops", Math.Round(gflops, 2));
        if (PeakFraction is { } fraction) json.WriteNumber("peak_fraction", Math.Round(fraction, 3));
    });

    /// <summary>A fixed-width table row: workload, op, threads, ops/s, µs per op (per thread).</summary>
    public string TableRow() => string.Create(CultureInfo.InvariantCulture,
        $"{Workload,-8} {Op + (Kernel is null ? "" : $" ({Kernel})"),-9} {Threads,7} {OpsPerSecond,14:F1} {1e6 * Threads / OpsPerSecond,12:F2}") + PeakText();

    private string PeakText() => Gflops is { } g
        ? string.Create(CultureInfo.InvariantCulture, $" {g,8:F2} GFLOP/s {PeakFraction,6:P0} of peak")
        : "";

    public const string TableHeader = "workload op        threads          ops/s    us/op/thr";
}
