namespace NoiseDrift.Cli.Battery;

/// <summary>The size of a battery run: <c>--quick</c>, the default, or <c>--deep</c>.</summary>
public enum Tier
{
    /// <summary>A few small cases, for a smoke test in seconds.</summary>
    Quick,

    /// <summary>The default: every built-in architecture once.</summary>
    Standard,

    /// <summary>More rows per case and extra random architectures drawn from the seed.</summary>
    Deep,
}
