using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Reproduction;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// The slow flow of the generic ReLU data set from seed 1's start (docs/theory.md §4.2) over t ∈ [0, 6], across the
/// interval where J loses rank (the regular retraction fails between t ≈ 1.7 and 2.6) and past t ≈ 5.1, where a kink
/// sits on a data point and the damped Gauss–Newton retraction stalls: it runs to t = 6 on the constraints that remain
/// independent, going on along the output layer at the kink. reg is snapshotted to 4 significant digits up to t = 3;
/// past the kink only its descent is asserted, since whether the retraction stalls there (and the flow steps along the
/// output layer) depends on the last bits of the GEMM, which differ without AVX-512 (reg at t = 6: 9.893 with it, 9.887
/// without). A flow that stops at the first rank loss again, or at the kink, reads NaN after it and turns this red.
/// </summary>
public sealed class Relu1DFlowSnapshots
{
    [Fact]
    public void Generic_flow_through_lost_rank()
    {
        var plan = Relu1DExperiment.Plan(quick: true, seed: 1);
        var set = Relu1DData.Generic;
        var model = Mlp.Relu1D(Relu1DExperiment.Width);
        var start = Relu1DExperiment.Start(set, plan);
        double[] times = [0.5, 1, 1.5, 2, 2.5, 3, 6];
        var track = FlowTrack.Integrate(model, set.Data, start.Theta, times, plan.FlowStep,
            [ProjectedObservable.Reg(model, set.Data)]);
        Assert.Equal("", track.Stopped);
        var reg = track.Values["reg"];
        Assert.True(double.IsFinite(reg[^1]) && reg[^1] < reg[^2], $"reg at t = 6 is {reg[^1]}, at t = 3 {reg[^2]}");
        Snapshot.Match(new
        {
            Times = track.Times,
            Reg = reg.Take(reg.Length - 1).Select(Rounding.Four).ToArray(),
            RegularUntil = track.TolerantFrom,
        });
    }
}
