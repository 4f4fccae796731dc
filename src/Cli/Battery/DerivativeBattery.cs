namespace NoiseDrift.Cli.Battery;

/// <summary>The derivative battery: one case per built-in architecture, each running a <see cref="IDerivativeCheckSet"/>.</summary>
public sealed class DerivativeBattery(IDerivativeCheckSet checks) : IBattery
{
    /// <inheritdoc/>
    public string Name => "derivatives";

    /// <inheritdoc/>
    public IReadOnlyList<CheckCase> Cases(BatteryOptions options)
    {
        var architectures = Architectures.For(options.Tier, options.Seed);
        var cases = new List<CheckCase>(architectures.Count);
        for (int i = 0; i < architectures.Count; i++)
        {
            var architecture = architectures[i];
            int seed = Gaussian.Derive(options.Seed, i);
            string name = architecture.Name ?? architecture.Model.Describe();
            cases.Add(new CheckCase(name, () => checks.Run(
                SpecimenSampler.Draw(architecture.Model, Architectures.Rows(options.Tier, architecture), seed, name))));
        }
        return cases;
    }
}
