using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>g_i = ∇_θ h(x_i; θ)</c> equals coordinate-wise central differences of h within the derived bound
/// (docs/theory.md §1; tolerance from <see cref="FiniteDifference"/>), for every model family.
/// </summary>
public sealed class GradientProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.Gradient(c.Model, c.Theta, c.Data));
}
