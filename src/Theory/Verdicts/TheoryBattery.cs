using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The standard theory battery (docs/theory.md §2, §3, §5) on one case: OU covariance, drift (static and dynamic, with the
/// leading-order offset), regularizer decrease, controls, scaling and the long-horizon slow flow. The CLI's
/// <c>noisedrift check</c> runs it on <see cref="BuiltInCases"/>; the property tests run the same checks on generated
/// cases.
/// </summary>
public static class TheoryBattery
{
    /// <summary>The largest eigenvalue of S in every built-in case (see <see cref="TheoryCase.WithOuScale"/>).</summary>
    public const double OuScale = 1e-5;

    /// <summary>
    /// The built-in cases: a tanh MLP (full batch; the suite's named case), a softplus/GELU MLP with minibatch B = 2 and
    /// Rademacher noise, and a DAG with skip connections (sin, tanh). <paramref name="deep"/> adds a SiLU/logistic MLP
    /// with B = 1.
    /// </summary>
    public static IReadOnlyList<TheoryCase> BuiltInCases(ulong seed, bool deep = false) =>
        [.. BuiltInDefinitions(seed, deep).Select(d => d.Build())];

    /// <summary>
    /// <see cref="BuiltInCases"/> by name, each built when asked: building one (its normal frame, η and S at θ*) is
    /// mostly first-call compilation, which <c>noisedrift check</c> then spends on the case's worker instead of before
    /// the first case starts.
    /// </summary>
    public static IReadOnlyList<CaseDefinition> BuiltInDefinitions(ulong seed, bool deep = false)
    {
        var definitions = new List<CaseDefinition>
        {
            Define("tanh 2-[5]-1 n=3 full batch", new Mlp(2, [5], [ActivationKind.Tanh]), 3, 0.2, 0, NoiseLaw.Gaussian, seed, 0),
            Define("softplus,gelu 2-[4,3]-1 n=4 B=2 rademacher", new Mlp(2, [4, 3], [ActivationKind.Softplus, ActivationKind.Gelu]),
                4, 0.3, 2, NoiseLaw.Rademacher, seed, 1),
            Define("dag sin,tanh skip n=3 full batch", SkipDag(), 3, 0.25, 0, NoiseLaw.Gaussian, seed, 2),
        };
        if (deep)
        {
            definitions.Add(Define("silu,logistic 3-[4,4]-1 n=4 B=1", new Mlp(3, [4, 4], [ActivationKind.Silu, ActivationKind.Logistic]),
                4, 0.2, 1, NoiseLaw.Gaussian, seed, 3));
        }
        return definitions;
    }

    /// <summary>Runs every check of the battery on one case, reporting progress in [0, 1].</summary>
    public static IEnumerable<CheckResult> Run(TheoryCase @case, TheoryBatteryOptions options, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Plan;
        bool minibatch = @case.Sgd.Batch > 0 && @case.Sgd.Batch < @case.Count;
        var experiment = StationaryExperiment.Prepare(@case,
            minibatch && options.MinibatchPairs > plan.Pairs ? plan with { Chains = 2 * options.MinibatchPairs } : plan);
        int stage = 0, stages = 5 + (options.Scaling ? 3 : 0) + (options.SlowFlowTime > 0 ? 1 : 0);
        void Advance() => progress?.Report(++stage / (double)stages);

        foreach (var r in experiment.JudgeStaticDrift(20 * plan.Pairs, plan.Seed)) yield return r;
        foreach (var r in experiment.JudgeOu()) yield return r;
        foreach (var r in CorrectedDrift.Judge(experiment)) yield return r;
        yield return experiment.JudgeLeadingOrderOffset();
        Advance();
        foreach (var r in CorrectedRegularizerDecrease.Run(@case, options.RegPlan)) yield return r;
        Advance();
        foreach (var r in ControlChecks.PlainGradientDescent(@case, plan)) yield return r;
        Advance();
        foreach (var r in ControlChecks.IsotropicParameterNoise(@case, plan)) yield return r;
        Advance();
        if (options.Scaling)
        {
            var sgd = @case.Sgd;
            // The grids' middle points are the case itself: one run of the plan serves all three (the stationary
            // experiment's own chains, or its first pairs when it ran the plan with more pairs).
            var atBase = new Lazy<ChainExperiment>(() => experiment.Plan == plan ? experiment.Chains
                : experiment.Plan == plan with { Chains = experiment.Plan.Chains } && experiment.Plan.Chains > plan.Chains
                    ? experiment.Chains.FirstPairs(plan)
                    : ChainExperiment.Run(@case, plan, experiment.Prediction.Covariance));
            foreach (var r in ScalingCheck.Run(@case, plan, ScalingParameter.Sigma, [sgd.Sigma / 2, sgd.Sigma, 2 * sgd.Sigma], atBase)) yield return r;
            Advance();
            foreach (var r in ScalingCheck.Run(@case, plan, ScalingParameter.Eta, [sgd.Eta / 2, sgd.Eta, 2 * sgd.Eta], atBase)) yield return r;
            Advance();
            if (@case.Count >= 2)
            {
                var batches = Enumerable.Range(1, @case.Count).Where(b => b == 1 || b == @case.Count || b == (@case.Count + 1) / 2)
                    .Distinct().Select(b => (double)b).ToArray();
                if (batches.Length >= 2)
                    foreach (var r in ScalingCheck.Run(@case, plan, ScalingParameter.Batch, batches, atBase)) yield return r;
            }
            Advance();
        }
        if (options.SlowFlowTime > 0)
        {
            var slow = @case.WithSgd(@case.Sgd with { Eta = @case.Sgd.Eta / 4 }, $"{@case.Name} η/4").WithOuScale(10 * OuScale);
            foreach (var r in SlowFlowCheck.Run(slow, options.SlowFlowTime, options.SlowFlowPairs, 5, plan.Seed)) yield return r;
        }
        Advance();
    }

    private static CaseDefinition Define(string name, Model model, int n, double etaLambdaMax, int batch, NoiseLaw law,
        ulong seed, int index) => new(name, () => Case(name, model, n, etaLambdaMax, batch, law, seed, index));

    private static TheoryCase Case(string name, Model model, int n, double etaLambdaMax, int batch, NoiseLaw law,
        ulong seed, int index)
    {
        var key = CounterRandom.Key(RandomStreams.TheoryCases(seed), index, 0);
        int p = model.ParameterCount, d = model.InputDimension;
        var theta = Enumerable.Range(0, p).Select(k => key.Gaussian(k)).ToArray();
        var x = Enumerable.Range(0, n * d).Select(k => 1.5 * (2 * key.Uniform(p + k) - 1)).ToArray();
        return TheoryCase.Interpolating(name, model, x, theta, etaLambdaMax, 1.0, batch, law).WithOuScale(OuScale);
    }

    private static DagNetwork SkipDag() => new(2,
    [
        new DagNeuron(ActivationKind.Sin, [0, 1]),
        new DagNeuron(ActivationKind.Tanh, [0, 2]),
        new DagNeuron(ActivationKind.Tanh, [1, 2, 3]),
        new DagNeuron(ActivationKind.Identity, [2, 3, 4, 0]),
    ]);
}
