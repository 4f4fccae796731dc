using NoiseDrift.Properties.Theory.Simulation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;
using Xunit;
using Xunit.Abstractions;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// docs/theory.md §2 "Checks", §5: the OU rows of the battery's minibatch case (softplus/GELU, n = 4, B = 2) with the
/// standard tier's minibatch OU pairs (<see cref="TheoryBatteryOptions.MinibatchPairs"/>) agree with the exact
/// minibatch S, and resolve an error of 2% in S. The tolerance is the battery's: <c>z·SE + 100 λ_max(S)·|S|</c>.
/// Mutation: the pair probability <c>B²/n²</c> instead of <c>B(B−1)/(n(n−1))</c> in <see cref="SecondMomentMap"/>
/// moves S by about 2% and turns the first test red.
/// </summary>
public sealed class MinibatchOuPowerTests(ITestOutputHelper output)
{
    private static readonly Lazy<StationaryExperiment> Experiment = new(() =>
    {
        var options = TheoryBatteryOptions.Standard(Cases.Seed);
        return StationaryExperiment.Prepare(Cases.Minibatch, options.Plan with { Chains = 2 * options.MinibatchPairs });
    });

    [Fact]
    public void Minibatch_ou_rows_agree_with_the_exact_minibatch_S()
    {
        var rows = Experiment.Value.JudgeOu();
        foreach (var r in rows) output.WriteLine($"{r.Check} predicted={r.Predicted:G6} measured={r.Measured:G6} SE={r.StdErr:G3} tol={r.Tolerance:G3} pass={r.Pass}");
        SimulationAssert.AllPass(rows);
    }

    [Theory]
    [InlineData(1.02)]
    [InlineData(0.98)]
    public void Minibatch_ou_rows_reject_S_off_by_two_percent(double factor)
    {
        var exact = Experiment.Value.Prediction.Covariance;
        var off = OuCovariance.Of(exact.Matrix * factor, $"{exact.Form} × {factor}");
        SimulationAssert.Rejected($"S × {factor}", Experiment.Value.JudgeOu("ou", off));
    }
}
