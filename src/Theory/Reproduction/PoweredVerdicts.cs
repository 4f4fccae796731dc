using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// A verdict is asserted only where it has power (docs/theory.md §5): when one of its own power checks (same check and
/// case) is not rejected, the row could not have told the claim from its σ = 0 control or from a wrong prediction, so
/// it is reported as a figure instead, with its power checks named in the detail. An informational check
/// (<see cref="PowerResult.Informational"/>) is kept with its verdict but never moves it. The split reads only the power
/// checks, which never use the label-noise measurement against the true prediction, so it cannot favour a pass.
/// </summary>
public static class PoweredVerdicts
{
    /// <summary>The verdicts and power checks that stay asserted, and the verdicts moved to the reported figures.</summary>
    public static (List<CheckResult> Verdicts, List<PowerResult> Power, List<CheckResult> Reported) Split(
        IEnumerable<CheckResult> verdicts, IEnumerable<PowerResult> power)
    {
        var checks = power.ToList();
        var kept = new List<CheckResult>();
        var reported = new List<CheckResult>();
        var keptPower = new List<PowerResult>();
        foreach (var v in verdicts)
        {
            var own = checks.Where(p => p.Verdict.Check == v.Check && p.Verdict.Case == v.Case).ToList();
            var blind = own.Where(p => p.Gating && !p.Rejected).Select(p => p.Perturbation).ToList();
            if (blind.Count == 0)
            {
                kept.Add(v);
                keptPower.AddRange(own);
                continue;
            }
            reported.Add(v with { Detail = $"{v.Detail}; no power at this reading: {string.Join(", ", blind)} not rejected" });
        }
        keptPower.AddRange(checks.Where(p => !kept.Concat(reported).Any(v => v.Check == p.Verdict.Check && v.Case == p.Verdict.Case)));
        return (kept, keptPower, reported);
    }
}
