using NoiseDrift.Theory.Checks;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// The derivative battery: one case per built-in architecture, each running <see cref="AllDerivativeChecks"/> on a
/// specimen — gradient, loss gradient, <c>reg</c> by brute force and by finite differences, and for smooth models
/// (<see cref="Engine.Models.Model.IsSmooth"/>) also HVP, HVP symmetry and <c>∇reg</c> (docs/design.md "Engine conventions").
/// </summary>
public sealed class DerivativeBattery : IBattery
{
    /// <inheritdoc/>
    public string Name => "derivatives";

    /// <inheritdoc/>
    public IReadOnlyList<CheckCase> Cases(BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var architectures = Architectures.For(options.Tier, options.Seed);
        var cases = new List<CheckCase>(architectures.Count);
        for (int i = 0; i < architectures.Count; i++)
        {
            var architecture = architectures[i];
            int seed = Gaussian.Derive(options.Seed, i);
            string name = architecture.Name ?? architecture.Model.Describe();
            cases.Add(new CheckCase(name, () => Run(
                SpecimenSampler.Draw(architecture.Model, Architectures.Rows(options.Tier, architecture), seed, name))));
        }
        return cases;
    }

    /// <summary>Every derivative check on the specimen; each verdict's case is its name and n.</summary>
    public static IReadOnlyList<CheckResult> Run(Specimen specimen)
    {
        ArgumentNullException.ThrowIfNull(specimen);
        var (model, theta, data) = (specimen.Model, specimen.Theta, specimen.Data);
        string name = $"{specimen.Name} n={data.Count}";
        var results = AllDerivativeChecks.Run(model, theta, data, seed: data.Count, smooth: model.IsSmooth);
        return [.. results.Select(r => r with { Case = name })];
    }
}
