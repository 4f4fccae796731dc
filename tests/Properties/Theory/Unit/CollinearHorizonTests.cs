using NoiseDrift.Theory.Reproduction;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>
/// The collinear set's longer horizon (docs/theory.md §4.2, "How long chains dwell"): its tracked steps continue the
/// t = 150 schedule, so every earlier reading is kept, and the per-chain count of kinks of h on a data point.
/// </summary>
public sealed class CollinearHorizonTests
{
    /// <summary>The longer run reads every step of the shorter one, then goes on at the same log spacing to its own K.</summary>
    [Fact]
    public void The_collinear_schedule_continues_the_generic_one()
    {
        var generic = Relu1DExperiment.Plan(quick: false, seed: 1);
        var collinear = Relu1DExperiment.CollinearPlan(quick: false, seed: 1);
        var shorter = TrackingSchedule.Of(generic);
        var longer = TrackingSchedule.Of(collinear);
        Assert.Equal(Relu1DExperiment.CollinearHorizon, collinear.Sgd.SlowTime(collinear.Run.Steps), 9);
        Assert.Equal(shorter, longer.Take(shorter.Length));
        Assert.Equal(collinear.Run.Steps, longer[^1]);
        Assert.True(longer.Zip(longer.Skip(1)).All(p => p.First < p.Second));
        double ratio = Math.Pow(generic.Run.Steps, 1.0 / (generic.TrackPoints - 2));
        for (int j = shorter.Length; j < longer.Length - 1; j++) Assert.Equal(ratio, longer[j] / (double)longer[j - 1], 1e-5);
        Assert.True(longer[^1] / (double)longer[^2] <= ratio * (1 + 1e-6));
        Assert.Equal(TrackingSchedule.Of(Relu1DExperiment.Plan(quick: true, seed: 1)), TrackingSchedule.Of(Relu1DExperiment.CollinearPlan(quick: true, seed: 1)));
    }

    /// <summary>A kink of h counts as on a data point within the kink resolution of an interior x_i, and not elsewhere.</summary>
    [Fact]
    public void Kinks_on_data_points_are_counted_there_only()
    {
        var data = Relu1DData.Collinear.Data;
        Assert.Equal(1, Relu1DFunction.DataPointKinks(OneKink(-0.2 + 0.04), data, 2));
        Assert.Equal(0, Relu1DFunction.DataPointKinks(OneKink(-0.2 + 0.06), data, 2));
        Assert.Equal(0, Relu1DFunction.DataPointKinks(OneKink(0), data, 2));
        Assert.Equal(1, Relu1DFunction.InteriorKinks(OneKink(0), data, 2));
        // The hull's ends are not interior data points.
        Assert.Equal(0, Relu1DFunction.DataPointKinks(OneKink(0.97), data, 2));
    }

    /// <summary>
    /// A kink within the count's resolution of an end of the hull is on that end data point, not inside the hull (seed 8's
    /// chains and flow at t = 450 have one at x = −1 + 3·10⁻⁶, where h on the hull is the line to 10⁻¹¹).
    /// </summary>
    [Fact]
    public void A_kink_on_an_end_of_the_hull_is_not_inside_it()
    {
        var data = Relu1DData.Collinear.Data;
        Assert.Equal(0, Relu1DFunction.InteriorKinks(OneKink(-1 + 3e-6), data, 2));
        Assert.Equal(0, Relu1DFunction.InteriorKinks(OneKink(1 - 0.04), data, 2));
        Assert.Equal(1, Relu1DFunction.InteriorKinks(OneKink(-1 + 0.06), data, 2));
        Assert.Equal(1, Relu1DFunction.InteriorKinks(OneKink(1 - 0.06), data, 2));
    }

    /// <summary>Width 2: one neuron with slope change 0.5 at κ, the other off (a = 0).</summary>
    private static double[] OneKink(double kappa) => [1, 1, -kappa, 0, 0.5, 0, 0];
}
