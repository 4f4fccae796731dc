using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// One claim reproduced end to end (the paper's three, docs/theory.md §4; sparse regression, §7): what was simulated, the verdicts (each
/// <c>pass ⇔ |measured − predicted| ≤ tolerance</c>, docs/theory.md §5), the power checks that must reject, the figures
/// reported without a verdict, and one sentence saying what happened.
/// </summary>
/// <param name="Setting">The setting's command name: <c>matrix-sensing</c>, <c>relu1d</c> or <c>sigmoid</c>.</param>
/// <param name="Claim">The paper's claim, as a sentence.</param>
/// <param name="Verdicts">The verdict rows.</param>
/// <param name="Power">Wrong predictions and σ = 0 substitutions; each gating one must be rejected.</param>
/// <param name="Figures">Measured figures reported without a verdict (name, value).</param>
public abstract record Reproduction(string Setting, string Claim, IReadOnlyList<CheckResult> Verdicts,
    IReadOnlyList<PowerResult> Power, IReadOnlyList<KeyValuePair<string, string>> Figures)
{
    /// <summary>Whether every verdict passed.</summary>
    public bool Pass => Verdicts.All(v => v.Pass);

    /// <summary>Whether every gating power check rejected its wrong prediction (informational ones are shown, not required).</summary>
    public bool PowerHolds => Power.All(p => p.Rejected || !p.Gating);

    /// <summary>One sentence on the outcome, with the key figures.</summary>
    public abstract string Sentence { get; }
}
