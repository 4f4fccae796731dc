using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>reg</c> equals its value from finite-difference gradients <c>g_i</c> (docs/theory.md §1), on every family.
/// </summary>
public sealed class RegFiniteDifferenceProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c) => CheckAssert.Passes(RegChecks.FiniteDifferences(c.Model, c.Theta, c.Data));
}
