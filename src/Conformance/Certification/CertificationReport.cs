using NoiseDrift.Conformance.Protocol;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Certification;

/// <summary>
/// The outcome of certifying one implementation (docs/conformance.md §2): the verdict rows, the ops not certified (not
/// offered, or no case of a supported model kind), and a protocol violation if the program broke the protocol.
/// </summary>
/// <param name="Name">The implementation's name from <c>hello</c>.</param>
/// <param name="Rows">Every verdict row, in order.</param>
/// <param name="NotCertified">Ops (or op/kind pairs) skipped, each with the reason.</param>
/// <param name="Violation">The protocol violation that stopped certification, if any.</param>
public sealed record CertificationReport(string Name, IReadOnlyList<CheckResult> Rows, IReadOnlyList<string> NotCertified,
    ProtocolViolationException? Violation)
{
    /// <summary>The ops with at least one row, all passing.</summary>
    public IReadOnlyList<string> CertifiedOps =>
        Rows.GroupBy(r => Op(r.Check)).Where(g => g.All(r => r.Pass)).Select(g => g.Key).ToArray();

    /// <summary>What was judged and what was not (null when a protocol violation stopped certification).</summary>
    public CertificationCoverage? Coverage { get; init; }

    /// <summary>
    /// Certified: no violation, at least one row, every row passes, and the ops of
    /// <see cref="CertificationCoverage.MinimumOps"/> were judged.
    /// </summary>
    public bool Certified => Violation is null && Rows.Count > 0 && Rows.All(r => r.Pass) &&
                             Coverage is { MissingMinimum.Count: 0 };

    /// <summary>The exit code of docs/conformance.md §2: 0 certified, 1 failed, 3 protocol broken.</summary>
    public int ExitCode => Violation is not null ? 3 : Certified ? 0 : 1;

    /// <summary>
    /// The one-line verdict: <c>certified: OPS on COVERAGE</c> or <c>not certified: FIRST FAILURE</c> (quoting the
    /// program's error message when it answered one), or the missing minimum ops.
    /// </summary>
    public string Verdict
    {
        get
        {
            if (Violation is not null)
                return $"not certified: protocol broken: {Violation.Message}; offending line: {Violation.OffendingLine}";
            if (Rows.Count == 0) return "not certified: the program offered no op the suite could judge";
            var first = Rows.FirstOrDefault(r => !r.Pass);
            if (first is not null && double.IsNaN(first.Measured))
                return $"not certified: {first.Check} on {first.Case}: {first.Detail}";
            if (first is not null)
                return $"not certified: {first.Check} on {first.Case}: measured {first.Measured:g10}, suite {first.Predicted:g10}, " +
                       $"|difference| {Math.Abs(first.Measured - first.Predicted):g3} > tolerance {first.Tolerance:g3}";
            if (Coverage is null || Coverage.MissingMinimum.Count > 0)
                return $"not certified: every row passed, but a certificate needs at least the ops " +
                       $"{string.Join(", ", CertificationCoverage.MinimumOps)}; not judged: {string.Join(", ", Coverage?.MissingMinimum ?? CertificationCoverage.MinimumOps)}";
            string notCovered = Coverage.NotCovered.Count == 0 ? "" : $"; not covered: {Coverage.NotCovered.Count} items listed above";
            return $"certified: {string.Join(", ", CertifiedOps)} on {Coverage.Describe()}{notCovered}";
        }
    }

    /// <summary>The op of a row's check name (<c>run:ou_cov trace</c> → <c>run</c>, <c>grad_reg.reg</c> → <c>grad_reg</c>).</summary>
    public static string Op(string check)
    {
        ArgumentNullException.ThrowIfNull(check);
        int cut = check.IndexOfAny([':', '.']);
        return cut < 0 ? check : check[..cut];
    }
}
