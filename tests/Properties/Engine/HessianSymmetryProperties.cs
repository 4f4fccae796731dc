using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>u·H_i v = v·H_i u</c> for the exact Hessian-vector products (docs/theory.md §1), on the smooth families, with the
/// directions of <see cref="HessianVectorProperties.Directions"/>.
/// </summary>
public sealed class HessianSymmetryProperties : SmoothModelFamilyProperties
{
    protected override void Check(NetworkCase c)
    {
        var (u, v) = HessianVectorProperties.Directions(c);
        CheckAssert.Passes(DerivativeChecks.HessianSymmetry(c.Model, c.Theta, c.Data, u, v));
    }
}
