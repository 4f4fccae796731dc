using BenchmarkDotNet.Running;
using NoiseDrift.Bench;

BenchArgs options;
try
{
    options = BenchArgs.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    Console.Error.WriteLine("usage: bench [--workload small|large|drift5]... [--json] [--threads N] [--seconds S] [--verdict] | --bdn [args]");
    return 2;
}

if (options.BenchmarkDotNet is { } bdnArgs)
{
    BenchmarkSwitcher.FromAssembly(typeof(ModelOpBenchmarks).Assembly).Run(bdnArgs);
    return 0;
}

if (options.Verdict)
{
    int failed = 0;
    foreach (string name in options.Workloads)
    {
        var timing = TimeToVerdict.Run(Workload.Named(name));
        Console.WriteLine(options.Json ? timing.JsonLine() : timing.ToString());
        if (!(timing.Reached && timing.Pass)) failed++;
    }
    return failed == 0 ? 0 : 1;
}

var minimum = TimeSpan.FromSeconds(options.Seconds);
if (!options.Json) Console.WriteLine(Measurement.TableHeader);
foreach (string name in options.Workloads)
{
    if (name == "drift5")
    {
        foreach (var m in ChainStepRate.Measure(minimum, options.Threads >= 1 ? options.Threads : -1))
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        continue;
    }
    var workload = Workload.Named(name);
    // One operation on the large workload already uses every core (Mlp.SplitsRows), so every line is compared with the
    // GEMM peak of as many concurrent copies as there are cores.
    double? peak = null;
    if (name == "large")
    {
        var (gflops, size) = GemmPeak.Measure(Environment.ProcessorCount, minimum);
        peak = gflops;
        Console.Error.WriteLine($"bench: engine GEMM peak {gflops:F1} GFLOP/s on {Environment.ProcessorCount} thread(s) at n = {size}");
    }
    foreach (string op in OpKernel.Ops)
    {
        var kernel = new OpKernel(workload);
        var runs = new List<Measurement> { new(name, op, 1, Throughput.Measure(kernel.For(op), minimum)) };
        if (!kernel.ThetaIsFinite)
        {
            Console.Error.WriteLine($"bench: {name}/{op}: theta diverged; the measurement is void");
            return 1;
        }
        if (options.Threads > 1)
            runs.Add(new(name, op, options.Threads, ParallelThroughput.Measure(workload, op, options.Threads, minimum)));
        foreach (var run in runs)
        {
            var m = run;
            if (peak is { } reference)
            {
                double gflops = m.OpsPerSecond * OpFlops.For(workload.Model, workload.Count, op) / 1e9;
                m = m with { Gflops = gflops, PeakFraction = gflops / reference };
            }
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        }
    }
}
return 0;
