using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// <c>reg(Proj_M θ)</c> of the chains of <c>noisedrift simulate</c> (docs/theory.md §3, "Regularizer"), read by
/// <see cref="RegularizerChange"/>: a chain that cannot be projected is counted and left out. When no chain, or fewer
/// than two antithetic pairs, can be projected, the measurement is impossible and the spec is refused on
/// <c>sgd.sigma</c>.
/// </summary>
internal static class ProjectedReg
{
    /// <summary>The chain mean of <c>reg(Proj_M θ)</c> at <paramref name="step"/>, with the number of chains left out.</summary>
    public static RegSample Mean(TheoryCase @case, int step, IReadOnlyList<double[]> thetas)
    {
        var regs = RegularizerChange.PerChain(@case, thetas);
        var projected = regs.Where(double.IsFinite).ToArray();
        if (projected.Length == 0) throw Unmeasurable(step, $"none of the {regs.Length} chains");
        return new RegSample(step, projected.Average(), regs.Length - projected.Length);
    }

    /// <summary>
    /// The per-step change of <c>reg(Proj_M θ)</c> from <paramref name="starts"/> to <paramref name="finals"/>, per
    /// antithetic pair, over the pairs whose four states project; with the pairs used.
    /// </summary>
    public static (MeanEstimate Rate, int Pairs) ChangeRate(TheoryCase @case, IReadOnlyList<double[]> starts,
        IReadOnlyList<double[]> finals, int steps)
    {
        var perPair = RegularizerChange.PerPair(@case, finals, starts);
        if (perPair.Length < 2) throw Unmeasurable(steps, $"fewer than two of the {starts.Count / 2} antithetic pairs");
        return (MeanEstimate.Of([.. perPair.Select(change => change / steps)]), perPair.Length);
    }

    private static InvalidInputException Unmeasurable(int step, string which) => new("sgd.sigma",
        $"at step {step}, {which} could be projected onto the zero-loss manifold: the chains are too far from it to " +
        "measure reg(Proj_M θ); lower sgd.sigma or sgd.eta");
}
