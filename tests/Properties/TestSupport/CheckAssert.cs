using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>Assertions on <see cref="CheckResult"/>s, with the whole verdict in the failure message.</summary>
public static class CheckAssert
{
    /// <summary>
    /// The check passes and is not vacuous: its tolerance is at most <paramref name="maxRelativeTolerance"/> of the
    /// value's scale. Derived FD tolerances are typically ~1e-7 relative, with observed errors ~1e-3 of them.
    /// </summary>
    public static void Passes(CheckResult result, double maxRelativeTolerance = 1e-6)
    {
        if (!result.Pass) throw new CheckFailedException($"check failed: {Format(result)}");
        double scale = Math.Max(1, Math.Max(Math.Abs(result.Predicted), Math.Abs(result.Measured)));
        if (!(result.Tolerance <= maxRelativeTolerance * scale))
            throw new CheckFailedException($"check passed only vacuously (tolerance too loose): {Format(result)}");
    }

    /// <summary>The check rejects (a power test: a perturbed model must fail).</summary>
    public static void Rejects(CheckResult result)
    {
        if (result.Pass) throw new CheckFailedException($"check accepted a perturbed model: {Format(result)}");
    }

    /// <summary>Fails with <paramref name="what"/> and every row of <paramref name="rows"/> unless <paramref name="condition"/>.</summary>
    public static void Require(bool condition, string what, IEnumerable<CheckResult> rows)
    {
        if (condition) return;
        throw new CheckFailedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what}:{Environment.NewLine}") +
            string.Join(Environment.NewLine, rows.Select(r => $"  {(r.Pass ? "pass" : "FAIL")} {Format(r)} SE={r.StdErr:G3} {r.Detail}")));
    }

    public static string Format(CheckResult r) =>
        $"{r.Check} [{r.Case}] reference={r.Predicted:R} measured={r.Measured:R} tolerance={r.Tolerance:G3} ({r.Detail})";
}

/// <summary>A failed engine property; FsCheck reports it with the counterexample and the Replay seed.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
