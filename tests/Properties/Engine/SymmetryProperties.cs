using FsCheck.Xunit;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// Symmetries of the parameterisation leave h (and reg) unchanged: permuting the hidden units of an MLP layer (rows
/// of <c>W_l</c>, <c>b_l</c> and the matching columns of <c>W_{l+1}</c> or a), and the ReLU rescaling
/// <c>(a_j, w_j, b_j) → (a_j/s, s w_j, s b_j)</c>, s &gt; 0, of docs/theory.md §4.2 (a curve in M).
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class SymmetryProperties
{
    [Property(Arbitrary = [typeof(PermutationCases)])]
    public void Permuting_hidden_units_leaves_h_and_reg_unchanged(PermutationCase pc)
    {
        var c = pc.Case;
        var layout = MlpArchitecture.Of((Mlp)c.Model).Layout;
        var permuted = layout.PermuteUnits(c.Theta, pc.Layer, pc.Permutation);
        var ws = c.Model.CreateWorkspace(c.Data.Count);
        for (int i = 0; i < c.Data.Count; i++)
            Same(c.Model.Value(c.Theta, c.Data.Row(i), ws), c.Model.Value(permuted, c.Data.Row(i), ws), $"h, example {i}");
        Same(c.Model.Reg(c.Theta, c.Data.X, ws), c.Model.Reg(permuted, c.Data.X, ws), "reg");
    }

    [Property(Arbitrary = [typeof(RescalingCases)])]
    public void Relu_rescaling_leaves_h_unchanged(RescalingCase rc)
    {
        var c = rc.Case;
        int m = rc.Scales.Length;
        var scaled = (double[])c.Theta.Clone();
        for (int j = 0; j < m; j++)
        {
            scaled[j] *= rc.Scales[j];          // w_j
            scaled[m + j] *= rc.Scales[j];      // b_j
            scaled[2 * m + j] /= rc.Scales[j];  // a_j
        }
        var ws = c.Model.CreateWorkspace(1);
        for (int i = 0; i < c.Data.Count; i++)
            Same(c.Model.Value(c.Theta, c.Data.Row(i), ws), c.Model.Value(scaled, c.Data.Row(i), ws), $"h, example {i}");
    }

    private static void Same(double before, double after, string what)
    {
        double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                           Math.Max(1, Math.Abs(before));
        if (!(Math.Abs(before - after) <= tolerance))
            throw new CheckFailedException($"{what}: {before:R} before, {after:R} after the symmetry");
    }
}
