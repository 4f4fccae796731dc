using BenchmarkDotNet.Attributes;

namespace NoiseDrift.Bench;

/// <summary>
/// BenchmarkDotNet view of the same operations as the harness (docs/design.md "Benchmarks"), for detailed profiling:
/// <c>dotnet run -c Release --project bench -- --bdn --filter '*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ModelOpBenchmarks
{
    private OpKernel _kernel = null!;

    /// <summary>The workload: small or large.</summary>
    [Params("small", "large")]
    public string Workload { get; set; } = "small";

    [GlobalSetup]
    public void Setup() => _kernel = new OpKernel(Bench.Workload.Named(Workload));

    [Benchmark(Description = "reg")]
    public double Reg() => _kernel.Reg();

    [Benchmark(Description = "grad_reg")]
    public double GradReg() => _kernel.GradReg();

    [Benchmark(Description = "sgd_step")]
    public double SgdStep() => _kernel.SgdStep();
}
