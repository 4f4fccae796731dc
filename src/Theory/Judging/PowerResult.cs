namespace NoiseDrift.Theory.Judging;

/// <summary>
/// A power check (docs/theory.md §5): the same measurement judged against a deliberately wrong prediction (sign flipped,
/// constant off by 2×, P left out, wrong batch size). A check has power when the wrong prediction is rejected.
/// </summary>
/// <param name="Perturbation">What was changed, e.g. <c>sign flipped</c>.</param>
/// <param name="Verdict">The judgement against the perturbed prediction.</param>
public sealed record PowerResult(string Perturbation, CheckResult Verdict)
{
    /// <summary>Whether the perturbed prediction failed, i.e. the check detected the perturbation.</summary>
    public bool Rejected => !Verdict.Pass;
}
