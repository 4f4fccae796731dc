using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// How much simulation the theory battery spends per case (docs/theory.md §5: more pairs and steps shrink the standard
/// errors; the tolerance is always z·SE plus the stated bias).
/// </summary>
/// <param name="Plan">Pairs, steps and snapshot interval of the OU and drift experiments.</param>
/// <param name="RegPlan">The longer, smaller run of the regularizer-decrease check.</param>
/// <param name="SlowFlowTime">Flow time t of the long-horizon check (0 skips it).</param>
/// <param name="SlowFlowPairs">
/// Pairs of the long-horizon check. Its standard error is estimated from these pairs, so its rows are judged at Student's
/// critical value for them (docs/theory.md §5, "Few samples"): 24, 36 and 64 pairs give a noise allowance of 2.35, 1.56
/// and 0.99 per-pair deviations, against 2.32, 1.64 and 1.16 for the 8, 16 and 32 pairs once judged at the normal z,
/// whose per-comparison false-alarm probability was 3e-4, 9e-6 and 2e-7 instead of the budget's 5e-11.
/// </param>
/// <param name="Scaling">Whether to fit the η, σ and B exponents (three runs each).</param>
public sealed record TheoryBatteryOptions(RunPlan Plan, RunPlan RegPlan, double SlowFlowTime, int SlowFlowPairs, bool Scaling)
{
    /// <summary>
    /// Antithetic pairs of the stationary experiment (OU and dynamic drift rows) on a minibatch case, when more than the
    /// plan's (docs/theory.md §2, §5). The minibatch S carries the batch's pair probability <c>B(B−1)/(n(n−1))</c>; a
    /// pair-probability error such as <c>B²/n²</c> moves S by about 2% on the built-in B = 2 case, so its OU rows need
    /// a tolerance <c>z·SE + 0.1%</c> below 2% to see it. 4000 pairs gave about 1.8% at the normal z, and rejected S × 0.98 by
    /// 0.3% on the built-in case; at Student's critical value for 4000 pairs (§5, "Few samples") that margin was gone, so
    /// 4800 pairs (noise allowance 8% below that of 4000 at the normal z).
    /// </summary>
    public int MinibatchPairs { get; init; }

    /// <summary>
    /// A fast pass: smaller plans, no scaling, a short flow (t = 0.025, half the former 0.05: the slow-flow window was
    /// 45% of the pass; its tolerance is mostly the stated remainder, proportional to the predicted change, so the
    /// leading-order flow stays as many tolerances away, 0.1–1.6 against 0.3–1.9 on seed 1; docs/theory.md §5).
    /// </summary>
    public static TheoryBatteryOptions Quick(ulong seed) =>
        new(RunPlan.Antithetic(300, 600, 20, seed), RunPlan.Antithetic(100, 3000, 0, seed), 0.025, 24, Scaling: false);

    /// <summary>The default: drift errors of a few tenths of a percent on the built-in cases.</summary>
    public static TheoryBatteryOptions Standard(ulong seed) =>
        new(RunPlan.Antithetic(1000, 1000, 25, seed), RunPlan.Antithetic(200, 5000, 0, seed), 0.2, 36, Scaling: true)
        { MinibatchPairs = 4800 };

    /// <summary>Longer horizons and more pairs (<c>NOISEDRIFT_DEPTH=deep</c>, <c>--deep</c>).</summary>
    public static TheoryBatteryOptions Deep(ulong seed) =>
        new(RunPlan.Antithetic(4000, 2000, 25, seed), RunPlan.Antithetic(400, 20000, 0, seed), 1.0, 64, Scaling: true);
}
