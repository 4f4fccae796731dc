using System.Diagnostics;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Bench;

/// <summary>
/// <c>sim_chain_steps</c> on <c>drift5</c>: chain-steps per second of the whole drift check (chains × steps over the
/// wall time of <c>ChainEnsemble.Run</c>, Rao–Blackwell sums included), batched and per chain in the same process so
/// their ratio is measured under the same load, and per second of the process's CPU time over the same loop (which does
/// not depend on the process's share of a busy machine). Each kernel is warmed up once, then timed until at least the
/// requested time has passed (at least one full run).
/// </summary>
public static class ChainStepRate
{
    /// <summary>Steps of a per-chain run: the rate is per chain-step, and 2000 steps would take ten seconds.</summary>
    public const int PerChainSteps = 200;

    public static IEnumerable<Measurement> Measure(TimeSpan minimum, int threads)
    {
        var workload = new Drift5();
        foreach (var (kernel, steps) in new[] { (ChainKernel.Auto, Drift5.Steps), (ChainKernel.PerChain, PerChainSteps) })
        {
            workload.Run(kernel, 20, threads);
            long chainSteps = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            do
            {
                workload.Run(kernel, steps, threads);
                chainSteps += (long)Drift5.Chains * steps;
            }
            while (clock.Elapsed < minimum);
            double wall = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            yield return new Measurement("drift5", "sim_chain_steps", threads < 1 ? Environment.ProcessorCount : threads,
                chainSteps / wall)
            { Kernel = kernel == ChainKernel.Auto ? "batched" : "per_chain", OpsPerCpuSecond = chainSteps / cpuSeconds };
        }
    }
}
