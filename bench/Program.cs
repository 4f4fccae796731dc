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
    Console.Error.WriteLine("usage: bench [--workload small|large|drift5|relu1d|matrix-sensing]... [--json] [--threads N] [--seconds S] [--verdict] | --bdn [args]");
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
    if (name == "relu1d")
    {
        foreach (var m in Relu1DRates.Measure(minimum))
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        continue;
    }
    if (name == "matrix-sensing")
    {
        foreach (var m in MatrixSensingRates.Measure(minimum))
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        continue;
    }
    if (name == "drift5")
    {
        foreach (var m in ChainStepRate.Measure(minimum, options.Threads >= 1 ? options.Threads : -1))
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        continue;
    }
    var workload = Workload.Named(name);
    // One operation on the large workload already uses every core (Mlp.SplitsRows), so every line is compared with the
    // GEMM peak of as many concurrent copies as there are cores, at the size where it is best, timed in windows that
    // alternate with the operation's own (InterleavedPeak).
    int? peakSize = null;
    if (name == "large")
    {
        var (gflops, size) = GemmPeak.Measure(Environment.ProcessorCount, minimum);
        peakSize = size;
        Console.Error.WriteLine($"bench: engine GEMM peak {gflops:F1} GFLOP/s on {Environment.ProcessorCount} thread(s) at n = {size}");
    }
    foreach (string op in OpKernel.Ops)
    {
        var kernel = new OpKernel(workload);
        var rates = new List<(int Threads, Func<TimeSpan, double> Rate)> { (1, window => Throughput.Measure(kernel.For(op), window)) };
        if (options.Threads > 1)
            rates.Add((options.Threads, window => ParallelThroughput.Measure(workload, op, options.Threads, window)));
        foreach (var (threads, rate) in rates)
        {
            Measurement m;
            if (peakSize is { } size)
            {
                var (opsPerSecond, peak) = InterleavedPeak.Measure(rate, size, minimum);
                double gflops = opsPerSecond * OpFlops.For(workload.Model, workload.Count, op) / 1e9;
                m = new Measurement(name, op, threads, opsPerSecond) { Gflops = gflops, PeakFraction = gflops / peak };
            }
            else
            {
                m = new Measurement(name, op, threads, rate(minimum));
            }
            if (!kernel.ThetaIsFinite)
            {
                Console.Error.WriteLine($"bench: {name}/{op}: theta diverged; the measurement is void");
                return 1;
            }
            Console.WriteLine(options.Json ? m.JsonLine() : m.TableRow());
        }
    }
}
return 0;
