using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The σ = 0 control of a reproduction (docs/theory.md §3, "Controls"): every point of M is fixed under plain GD, so its
/// projected iterate keeps the start's value of every observable. Stated bias 1e-9 (the projection tolerance 1e-12
/// times the observables' scale, generously); the standard error is 0 (GD is deterministic).
/// </summary>
public static class PlainGdControl
{
    /// <summary>Plain GD's value of <paramref name="name"/> at the horizon against its value at the start.</summary>
    public static CheckResult Judge(string check, RunSet runs, string name)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var gd = runs.Runs[RunKind.PlainGd];
        return SuiteBudget.Budget.Judge(check, runs.Model.Describe(), gd.Initial(name).Mean, gd.Final(name).Mean, 0, 1e-9,
            $"plain GD (σ = 0) at k = {runs.Plan.Run.Steps} keeps the start's {name}");
    }
}
