using MathNet.Numerics.Distributions;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// One error budget for the union of R runs (docs/theory.md §5; a seed sweep): each run makes at most M comparisons
/// and was judged with <c>z_run = Φ⁻¹(1 − α/(2M))</c>; together they make at most R·M, so the union keeps its
/// family-wise false-alarm probability below α with <c>z = Φ⁻¹(1 − α/(2RM))</c>. A row keeps its stated bias bound
/// (<see cref="CheckResult.Bias"/>) and is rejudged at <c>z · SE + bias</c> (<see cref="VerdictRule"/>).
/// </summary>
/// <param name="Z">z of the union.</param>
/// <param name="RunZ">z each run was judged with.</param>
public sealed record UnionBudget(double Z, double RunZ)
{
    /// <summary>The budget of <paramref name="runs"/> runs, each under <paramref name="run"/>, at the same α.</summary>
    public static UnionBudget Of(long runs, ErrorBudget run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        double perComparison = run.FamilyWiseFalseAlarm / (2.0 * runs * run.CheckCount);
        return new UnionBudget(-Normal.InvCDF(0, 1, perComparison), run.Z);
    }

    /// <summary>The tolerance of <paramref name="row"/> under the union's z.</summary>
    public double Tolerance(CheckResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return VerdictRule.Tolerance(Z, row.StdErr, row.Bias);
    }

    /// <summary><c>|measured − predicted| ≤</c> the union tolerance (false for NaN).</summary>
    public bool Passes(CheckResult row) => VerdictRule.Within(row.Predicted, row.Measured, Tolerance(row));
}
