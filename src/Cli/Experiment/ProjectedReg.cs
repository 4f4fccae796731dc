using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Statistics;

namespace NoiseDrift.Cli.Experiment;

/// <summary>
/// <c>reg(Proj_M θ)</c> of simulated chains (THEORY.md §3, "Regularizer"). A chain far from M may not be projectable
/// (J rank-deficient along the way, or Gauss–Newton stalls): that is a measurement outcome, so such a chain is counted
/// and left out rather than ending the run. When no chain, or fewer than two antithetic pairs, can be projected, the
/// measurement is impossible and the spec is refused on <c>sgd.sigma</c>.
/// </summary>
internal static class ProjectedReg
{
    /// <summary>The chain mean of <c>reg(Proj_M θ)</c> at <paramref name="step"/>, with the number of chains left out.</summary>
    public static RegSample Mean(TheoryCase @case, int step, IReadOnlyList<double[]> thetas)
    {
        var regs = PerChain(@case, thetas);
        var projected = regs.Where(double.IsFinite).ToArray();
        if (projected.Length == 0) throw Unmeasurable(step, $"none of the {regs.Length} chains");
        return new RegSample(step, projected.Average(), regs.Length - projected.Length);
    }

    /// <summary>
    /// The per-step change of <c>reg(Proj_M θ)</c> from <paramref name="starts"/> to <paramref name="finals"/>, per
    /// antithetic pair (the mean of its two chains), over the pairs whose four states project; with the pairs used.
    /// </summary>
    public static (MeanEstimate Rate, int Pairs) ChangeRate(TheoryCase @case, IReadOnlyList<double[]> starts,
        IReadOnlyList<double[]> finals, int steps)
    {
        double[] before = PerChain(@case, starts), after = PerChain(@case, finals);
        var perPair = new List<double>(before.Length / 2);
        for (int j = 0; j < before.Length / 2; j++)
        {
            double sum = 0;
            for (int member = 0; member < 2; member++)
            {
                int c = 2 * j + member;
                sum += after[c] - before[c];
            }
            if (double.IsFinite(sum)) perPair.Add(sum / 2 / steps);
        }
        if (perPair.Count < 2) throw Unmeasurable(steps, $"fewer than two of the {before.Length / 2} antithetic pairs");
        return (MeanEstimate.Of([.. perPair]), perPair.Count);
    }

    private static double[] PerChain(TheoryCase @case, IReadOnlyList<double[]> thetas)
    {
        var regs = new double[thetas.Count];
        Parallel.For(0, thetas.Count, c => regs[c] = OrNaN(@case, thetas[c]));
        return regs;
    }

    private static double OrNaN(TheoryCase @case, double[] theta)
    {
        try
        {
            return RegularizerChange.OfProjected(@case, theta);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidOperationException or ArithmeticException)
        {
            return double.NaN;
        }
    }

    private static InvalidInputException Unmeasurable(int step, string which) => new("sgd.sigma",
        $"at step {step}, {which} could be projected onto the zero-loss manifold: the chains are too far from it to " +
        "measure reg(Proj_M θ); lower sgd.sigma or sgd.eta");
}
