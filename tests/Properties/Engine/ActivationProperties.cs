using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// Each activation's φ equals its textbook definition, and φ', φ'' equal central differences of the reference φ
/// and φ' within the derived bound (docs/design.md "Models"); the scalar and span forms agree. Points within
/// <see cref="MlpGen.KinkMargin"/> of a kink are skipped.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = 200)]
public class ActivationProperties
{
    public static class Points
    {
        public static Arbitrary<(ActivationKind, double)> Cases() =>
            Gen.Zip(ActivationGen.Any, NumberGen.Uniform(-6, 6)).ToArbitrary();
    }

    /// <summary>Points within <see cref="MlpGen.KinkMargin"/> of a kink are discarded, and FsCheck counts them.</summary>
    [Property(Arbitrary = [typeof(Points)])]
    public Property Derivatives_match_fd_of_reference((ActivationKind Kind, double Z) point) =>
        Prop.When(Activation.IsSmooth(point.Kind) || Math.Abs(point.Z) >= MlpGen.KinkMargin, () => Matches(point.Kind, point.Z));

    private static void Matches(ActivationKind kind, double z)
    {
        Activation.Evaluate(kind, z, out double value, out double d1, out double d2);
        var fd1 = FiniteDifference.Derivative(t => ReferenceActivation.Value(kind, z + t));
        var fd2 = FiniteDifference.Derivative(t => { Activation.Evaluate(kind, z + t, out _, out double g, out _); return g; });
        double rounding = FiniteDifference.RoundingFactor * FiniteDifference.Epsilon;
        double phi = ReferenceActivation.Value(kind, z);
        Require(kind, z, "phi", phi, value, rounding * Math.Max(1, Math.Abs(phi)));
        Require(kind, z, "phi'", fd1.Value, d1, fd1.Bound + rounding * Math.Max(1, Math.Abs(d1)));
        Require(kind, z, "phi''", fd2.Value, d2, fd2.Bound + rounding * Math.Max(1, Math.Abs(d2)));

        Span<double> v = stackalloc double[1], g1 = stackalloc double[1], g2 = stackalloc double[1];
        Activation.Evaluate(kind, [z], v, g1, g2);
        Require(kind, z, "span phi", value, v[0], rounding * Math.Max(1, Math.Abs(value)));
        Require(kind, z, "span phi'", d1, g1[0], rounding * Math.Max(1, Math.Abs(d1)));
        Require(kind, z, "span phi''", d2, g2[0], rounding * Math.Max(1, Math.Abs(d2)));
    }

    private static void Require(ActivationKind kind, double z, string what, double reference, double actual, double tolerance)
    {
        if (!(Math.Abs(reference - actual) <= tolerance))
            throw new CheckFailedException($"{Activation.NameOf(kind)} {what} at z = {z:R}: reference {reference:R}, engine {actual:R}, tolerance {tolerance:G3}");
    }
}
