using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// <c>reg</c> of SGD iterates projected to M (docs/theory.md §3, "Regularizer" and "Slow flow"): the iterate is first
/// mapped to M by Gauss–Newton, then <c>reg</c> is read, so the OU fluctuation in the normal directions does not
/// enter. A chain that cannot be projected reads NaN and is left out (<see cref="ProjectedObservable"/>'s policy).
/// </summary>
public static class RegularizerChange
{
    /// <summary>
    /// <c>reg(Proj_M θ)</c> per chain, NaN where the chain cannot be projected; with <paramref name="flowLimit"/>, reg at
    /// the Gauss–Newton flow's limit instead (<see cref="ProjectedObservable.AtFlowLimit"/>, docs/theory.md §3.11).
    /// </summary>
    public static double[] PerChain(TheoryCase @case, IReadOnlyList<double[]> thetas, bool flowLimit = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(thetas);
        var reg = ProjectedObservable.Reg(@case.Model, @case.Data);
        var regs = new double[thetas.Count];
        Parallel.For(0, thetas.Count, c => regs[c] = flowLimit
            ? reg.AtFlowLimit(@case.Model, @case.Data, thetas[c])
            : reg.AtProjection(@case.Model, @case.Data, thetas[c]));
        return regs;
    }

    /// <summary>
    /// Per antithetic pair, the mean over its two chains of <c>reg(Proj θ_a) − reg(Proj θ_b)</c>, for two lists of
    /// states indexed by chain (e.g. the final states and the starts), over the pairs whose four states project (the
    /// others are left out: compare the length with <c>later.Count / 2</c>). Pairs are independent samples.
    /// <paramref name="flowLimit"/> reads reg at the Gauss–Newton flow's limit (<see cref="PerChain"/>).
    /// </summary>
    public static double[] PerPair(TheoryCase @case, IReadOnlyList<double[]> later, IReadOnlyList<double[]> earlier,
        bool flowLimit = false)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        return PerPair(PerChain(@case, later, flowLimit), PerChain(@case, earlier, flowLimit));
    }

    /// <summary>
    /// Per antithetic pair, the mean over its two chains of <c>after[c] − before[c]</c>, for readings indexed by chain
    /// (<see cref="PerChain"/>), over the pairs whose four readings are finite. Lets a window read its starts once.
    /// </summary>
    public static double[] PerPair(IReadOnlyList<double> after, IReadOnlyList<double> before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        if (after.Count != before.Count)
            throw new ArgumentException($"after has {after.Count} readings, before {before.Count}", nameof(before));
        var samples = new List<double>(after.Count / 2);
        for (int j = 0; j < after.Count / 2; j++)
        {
            double sum = 0;
            for (int member = 0; member < 2; member++)
            {
                int c = 2 * j + member;
                sum += after[c] - before[c];
            }
            if (double.IsFinite(sum)) samples.Add(sum / 2);
        }
        return [.. samples];
    }
}
