namespace NoiseDrift.Cli.Battery;

/// <summary>
/// A provider of check cases for <c>noisedrift check</c>. The standard battery is a list of these
/// (<see cref="StandardBattery"/>): the derivative checks, then the theory-versus-simulation checks.
/// </summary>
public interface IBattery
{
    /// <summary>A short name, e.g. <c>derivatives</c>.</summary>
    string Name { get; }

    /// <summary>The cases to run at the given tier and seed; building them must be cheap, running them is the work.</summary>
    IReadOnlyList<CheckCase> Cases(BatteryOptions options);
}
