using NoiseDrift.Conformance.Own;
using NoiseDrift.Conformance.Run;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// <c>check --impl</c>'s battery (docs/conformance.md, section 3): the derivative battery on the
/// program's answers (<see cref="OwnDerivativeChecks"/>), then the theory battery against its own label-noise runs
/// (<see cref="OwnRunCheck"/>). The run uses 4,000 chains at <c>--quick</c>, 8,000 at the standard tier (as certify's
/// run cases) and 32,000 at <c>--deep</c>; the power of the run rows is kept in <see cref="Power"/> once the theory
/// case has run.
/// </summary>
public sealed class OwnModelBattery(OwnClient client) : IBattery
{
    /// <inheritdoc/>
    public string Name => "own";

    /// <summary>The power of the run rows against each wrong step rule (empty until the theory case ran, or above
    /// <see cref="OwnRunCheck.PowerLimit"/>).</summary>
    public IReadOnlyList<RunPower> Power { get; private set; } = [];

    /// <summary>The number of chains of the run at a tier.</summary>
    public static int Chains(Tier tier) => tier switch
    {
        Tier.Quick => 4000,
        Tier.Deep => 32000,
        _ => 8000,
    };

    /// <inheritdoc/>
    public IReadOnlyList<CheckCase> Cases(BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int seed = Gaussian.Derive(options.Seed, 0);
        return
        [
            new CheckCase($"derivatives: {client.Model.Case}", () => OwnDerivativeChecks.Run(client, seed)),
            new CheckCase($"theory: {client.Model.Case}", () =>
            {
                var (rows, power) = OwnRunCheck.Run(client, Chains(options.Tier), (long)(options.Seed & long.MaxValue));
                Power = power;
                return rows;
            }),
        ];
    }
}
