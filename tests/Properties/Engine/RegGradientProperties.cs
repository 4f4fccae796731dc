using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <c>∇reg = (2/n) Σ H_i g_i</c> equals central differences of reg (docs/theory.md §1), on the smooth families and on the
/// 1-D ReLU network away from its kinks (its generator keeps every pre-activation away from 0).
/// </summary>
public sealed class RegGradientProperties : SmoothModelFamilyProperties
{
    [Property(Arbitrary = [typeof(Relu1DCases)])]
    public void Relu_1d(NetworkCase c) => Check(c);

    protected override void Check(NetworkCase c) => CheckAssert.Passes(RegChecks.Gradient(c.Model, c.Theta, c.Data));
}
