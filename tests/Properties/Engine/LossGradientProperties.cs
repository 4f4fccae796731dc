using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>∇L</c>, <c>L = (1/2n) Σ (h_i − y_i)²</c>, equals coordinate-wise central differences of L within the derived bound
/// (docs/theory.md §1; tolerance from <see cref="FiniteDifference"/>), on every model family.
/// </summary>
public sealed class LossGradientProperties : ModelFamilyProperties
{
    protected override void Check(NetworkCase c) => CheckAssert.Passes(DerivativeChecks.LossGradient(c.Model, c.Theta, c.Data));
}
