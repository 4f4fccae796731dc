using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>Assertions on theory-versus-simulation verdicts (docs/theory.md §5), every verdict printed on failure.</summary>
internal static class SimulationAssert
{
    /// <summary>Every verdict passes (<c>|measured − predicted| ≤ z·SE + bias</c>).</summary>
    public static void AllPass(IEnumerable<CheckResult> results)
    {
        var list = results.ToList();
        if (list.Count == 0) throw new CheckFailedException("no verdicts");
        if (!list.All(r => r.Pass))
            throw new CheckFailedException($"theory check failed:{Environment.NewLine}{Describe(list)}");
    }

    /// <summary>Power (docs/theory.md §5): at least one verdict against the perturbed prediction fails.</summary>
    public static void Rejected(string perturbation, IEnumerable<CheckResult> results)
    {
        var list = results.ToList();
        if (list.Count == 0 || list.All(r => r.Pass))
            throw new CheckFailedException($"perturbation '{perturbation}' was accepted:{Environment.NewLine}{Describe(list)}");
    }

    private static string Describe(IEnumerable<CheckResult> results) =>
        string.Join(Environment.NewLine, results.Select(r => $"  {(r.Pass ? "pass" : "FAIL")} {CheckAssert.Format(r)} SE={r.StdErr:G3}"));
}
