namespace NoiseDrift.Theory.Judging;

/// <summary>
/// A power check (docs/theory.md §5): the same measurement judged against a deliberately wrong prediction (sign flipped,
/// constant off by 2×, P left out, wrong batch size). A check has power when the wrong prediction is rejected.
/// </summary>
/// <param name="Perturbation">What was changed, e.g. <c>sign flipped</c>.</param>
/// <param name="Verdict">The judgement against the perturbed prediction.</param>
/// <param name="Informational">
/// Shown but not required to reject: a clock alternative to an end-state row whose flow has converged by T/2
/// (docs/theory.md §4.2, "End state at the horizon"), which no end-state reading can tell from the claim.
/// </param>
public sealed record PowerResult(string Perturbation, CheckResult Verdict, bool Informational = false)
{
    /// <summary>Whether the perturbed prediction failed, i.e. the check detected the perturbation.</summary>
    public bool Rejected => !Verdict.Pass;

    /// <summary>Whether the check must reject for its verdict to be asserted and the run to pass: every check but an informational one.</summary>
    public bool Gating => !Informational;
}
