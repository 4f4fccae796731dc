namespace NoiseDrift.Cli.Battery;

/// <summary>The batteries <c>noisedrift check</c> runs, in order. Append new providers here.</summary>
public static class StandardBattery
{
    /// <summary>Every battery of the standard check.</summary>
    public static IReadOnlyList<IBattery> All { get; } = [new DerivativeBattery(), new TheoryChecks()];
}
