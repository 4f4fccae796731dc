using Xunit;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// A test of the deep tier (docs/design.md "Tests"): it runs under <c>NOISEDRIFT_DEPTH=deep</c> and is otherwise
/// skipped, and reported as skipped, rather than passing having run nothing (<see cref="Tier"/>).
/// </summary>
public sealed class DeepFactAttribute : FactAttribute
{
    /// <summary>The reason shown for a skipped deep test.</summary>
    public const string SkipReason = "deep tier only: set NOISEDRIFT_DEPTH=deep";

    public DeepFactAttribute()
    {
        if (!Tier.Deep) Skip = SkipReason;
    }
}
