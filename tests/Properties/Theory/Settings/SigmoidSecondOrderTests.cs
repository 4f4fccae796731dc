using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The second-order test of reg restricted to M for the sigmoid network on one point (docs/theory.md §4.3,
/// "Second-order test"): the Schur complement of the neuron's (v, s) Hessian at the best s is φ''(v) (checked by finite
/// differences of the neuron cost, with the power check that the Hessian without its cross term is not); the restricted
/// curvature of the equal split changes sign at u = 1/√3; Newton reaches the closed-form critical allocations.
/// </summary>
public class SigmoidSecondOrderTests
{
    [Theory]
    [InlineData(0.05, 2.0)]
    [InlineData(0.3, 2.0)]
    [InlineData(0.7, 1.5)]
    [InlineData(2.9, 2.0)]
    public void Schur_complement_along_shares_is_phi_second_derivative(double v, double c)
    {
        double s = v * v * c / (1 + v * v * c), h = 1e-4;
        double F(double dv, double ds) => SigmoidAllocation.NeuronCost(v + dv, s + ds, c);
        double vv = (F(h, 0) + F(-h, 0) - 2 * F(0, 0)) / (h * h);
        double ss = (F(0, h) + F(0, -h) - 2 * F(0, 0)) / (h * h);
        double vs = (F(h, h) - F(h, -h) - F(-h, h) + F(-h, -h)) / (4 * h * h);
        double schur = vv - vs * vs / ss, expected = SigmoidAllocation.PhiSecondDerivative(v, c);
        Assert.True(Math.Abs(schur - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"Schur {schur:R} vs φ'' {expected:R}");
        // Power: the (v, v) entry alone (the cross term dropped) is not φ'' wherever v ≠ 0.
        Assert.True(Math.Abs(vv - expected) > 1e-3 * (1 + Math.Abs(expected)), $"without the cross term {vv:R} vs φ'' {expected:R}");
    }

    [Theory]
    [InlineData(3.0, 8, true)]   // u = 0.53 < 1/√3
    [InlineData(3.0, 4, false)]  // u = 1.06
    [InlineData(0.8, 4, true)]
    [InlineData(2.0, 4, false)]  // u = 0.71
    public void Restricted_curvature_of_the_equal_split_agrees_with_the_closed_form(double y, int m, bool _)
    {
        double c = 2;
        var equal = SigmoidAllocation.EqualSplit(y, c, m).Shares;
        bool local = SigmoidCriticalPoint.RestrictedCurvature(equal, c) > 0;
        Assert.Equal(SigmoidAllocation.EqualSplitIsLocalMinimum(y, c, m), local);
    }

    [Fact]
    public void Equal_split_curvature_changes_sign_at_one_over_root_three()
    {
        // u = y√C/m just below and just above 1/√3: the restricted curvature is φ''(y/m) on every direction.
        double c = 2;
        int m = 6;
        foreach (double u in new[] { 0.5, 0.57, 0.585, 0.65 })
        {
            double y = u * m / Math.Sqrt(c);
            double curvature = SigmoidCriticalPoint.RestrictedCurvature(SigmoidAllocation.EqualSplit(y, c, m).Shares, c);
            Assert.Equal(u < 1 / Math.Sqrt(3), curvature > 0);
            Assert.Equal(u < 1 / Math.Sqrt(3), SigmoidAllocation.EqualSplitIsLocalMinimum(y, c, m));
        }
    }

    [Theory]
    [InlineData(3.0, 4)]
    [InlineData(3.0, 8)]
    [InlineData(0.8, 4)]
    public void Newton_reaches_the_closed_form_critical_allocations(double y, int m)
    {
        double c = 2;
        foreach (var allocation in SigmoidAllocation.Critical(y, c, m))
        {
            var perturbed = allocation.Shares.Select((v, j) => v * (1 + 1e-3 * (j % 3 - 1))).ToArray();
            double shift = (y - perturbed.Sum()) / m;
            var point = SigmoidCriticalPoint.From([.. perturbed.Select(v => v + shift)], y, c);
            Assert.True(point.Converged, $"{allocation.Carriers} carriers: Newton did not converge");
            var expected = allocation.Shares.Order().ToArray();
            var found = point.Shares.Order().ToArray();
            for (int j = 0; j < m; j++) Assert.Equal(expected[j], found[j], 8);
            Assert.Equal(allocation.Cost, point.Reg(c), 9);
        }
    }

    [Fact]
    public void One_carrier_is_a_local_minimum_and_two_carriers_are_not()
    {
        // y = 3, m = 4 (q = 18): the one-carrier split passes the test (Σ 1/φ'' < 0); splits with two large shares
        // have two negative φ'' and fail it.
        double c = 2;
        foreach (var allocation in SigmoidAllocation.Critical(3, c, 4).Where(a => a.Carriers < 4))
        {
            double curvature = SigmoidCriticalPoint.RestrictedCurvature(allocation.Shares, c);
            double inverseSum = allocation.Shares.Sum(v => 1 / SigmoidAllocation.PhiSecondDerivative(v, c));
            int negative = allocation.Shares.Count(v => SigmoidAllocation.PhiSecondDerivative(v, c) < 0);
            bool expected = negative == 0 || (negative == 1 && inverseSum < 0);
            Assert.Equal(expected, curvature > 0);
            if (allocation.Carriers >= 2) Assert.True(curvature < 0, $"{allocation.Carriers} carriers: curvature {curvature:G3}");
        }
        Assert.True(SigmoidCriticalPoint.RestrictedCurvature(SigmoidAllocation.Optimal(3, c, 4).Shares, c) > 0);
    }
}
