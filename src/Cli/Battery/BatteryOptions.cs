namespace NoiseDrift.Cli.Battery;

/// <summary>How much to run and from which seed.</summary>
/// <param name="Tier">quick, standard or deep.</param>
/// <param name="Seed">The seed of the built-in random architectures, θ and data.</param>
public sealed record BatteryOptions(Tier Tier, ulong Seed);
