using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary><c>reg = (1/n)||J||_F²</c> equals the brute-force value from the explicit J (docs/theory.md §1), on every family.</summary>
public sealed class RegBruteForceProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c) => CheckAssert.Passes(RegChecks.BruteForce(c.Model, c.Theta, c.Data));
}
