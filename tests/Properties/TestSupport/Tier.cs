namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// The two test tiers of docs/design.md ("Tests"): the default <c>dotnet test</c> stays under 10 minutes on 2 cores;
/// <c>NOISEDRIFT_DEPTH=deep</c> runs longer horizons and more cases.
/// </summary>
public static class Tier
{
    /// <summary>True when <c>NOISEDRIFT_DEPTH=deep</c>.</summary>
    public static bool Deep { get; } =
        string.Equals(Environment.GetEnvironmentVariable("NOISEDRIFT_DEPTH"), "deep", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="standard"/> in the default tier, <paramref name="deep"/> in the deep tier.</summary>
    public static T Pick<T>(T standard, T deep) => Deep ? deep : standard;
}
