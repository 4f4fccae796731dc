using System.Globalization;

namespace NoiseDrift.Theory.Judging;

/// <summary>
/// The rule for a row whose stated remainder exceeds what its check can resolve (docs/theory.md §5.1):
/// a statistical row is not asserted when its bias bound is both larger than its noise allowance <c>z · SE</c> (more
/// than half its tolerance) and at least the effect it tests, <c>|predicted|</c> — it would then accept the prediction
/// 0 on the bound alone and its verdict says nothing about the theory. The row is still reported, with the reason.
/// </summary>
public static class Resolvability
{
    /// <summary>The row, marked not asserted with its reason when the rule says so.</summary>
    public static CheckResult Assess(CheckResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        double noise = row.Z * row.StdErr;
        if (!(row.Bias > noise && row.Bias >= Math.Abs(row.Predicted))) return row;
        return row with
        {
            NotAsserted = string.Create(CultureInfo.InvariantCulture,
                $"not resolvable: the stated remainder {row.Bias:G3} exceeds both the noise allowance z·SE = {noise:G3} and the effect |predicted| = {Math.Abs(row.Predicted):G3}"),
        };
    }
}
