using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Bench;

/// <summary>
/// The <c>relu1d</c> workload (docs/theory.md §4.2): what <c>reproduce relu1d</c> spends its time on. <c>sim_chain_steps</c>:
/// label-noise chain-steps per second of the experiment's own run (m = 20, n = 6, η = 0.02, σ = 1, its 8 chains in one
/// lane block, seed 1's collinear start); <c>flow_per_t</c>: slow-flow integrations of one unit of flow time per second
/// (the experiment's Heun step and retraction, over t ∈ [0, 1] from that start).
/// </summary>
public static class Relu1DRates
{
    /// <summary>Steps of one timed chain run.</summary>
    public const int Steps = 20_000;

    public static IEnumerable<Measurement> Measure(TimeSpan minimum)
    {
        var plan = Relu1DExperiment.Plan(quick: false, seed: 1);
        var set = Relu1DData.Collinear;
        var model = Mlp.Relu1D(Relu1DExperiment.Width);
        var start = Relu1DExperiment.Start(set, plan);
        var settings = new SgdSettings(plan.Sgd, plan.Run.Seed);
        var starts = Enumerable.Range(0, plan.Run.Chains).Select(_ => (double[])start.Theta.Clone()).ToArray();
        double chainRate = Rate(minimum, (long)plan.Run.Chains * Steps, () => ChainEnsemble.Run(model, set.Data, settings, starts,
            new ChainEnsembleOptions(Steps) { CleanGradient = false }));
        yield return new Measurement("relu1d", "sim_chain_steps", 1, chainRate) { Kernel = "auto" };
        double flowRate = Rate(minimum, 1, () => FlowTrack.Integrate(model, set.Data, start.Theta, [1.0], plan.FlowStep, []));
        yield return new Measurement("relu1d", "flow_per_t", 1, flowRate);
    }

    private static double Rate(TimeSpan minimum, long units, Action run) => RunRate.Measure(minimum, units, run).Wall;
}
