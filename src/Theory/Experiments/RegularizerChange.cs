using NoiseDrift.Engine.Manifold;

namespace NoiseDrift.Theory.Experiments;

/// <summary>
/// <c>reg</c> of SGD iterates projected to M (THEORY.md §3, "Regularizer" and "Slow flow"): the iterate is first
/// mapped to M by Gauss–Newton (<see cref="ZeroLossProjection.Project"/>), then <c>reg</c> is read, so the OU
/// fluctuation in the normal directions does not enter.
/// </summary>
public static class RegularizerChange
{
    /// <summary><c>reg(Proj_M θ)</c>.</summary>
    public static double OfProjected(TheoryCase @case, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var projected = ZeroLossProjection.Project(@case.Model, @case.Data, theta);
        return @case.Model.Reg(projected, @case.Data.X, @case.Model.CreateWorkspace(@case.Count));
    }

    /// <summary>
    /// Per antithetic pair, the mean over its two chains of <c>reg(Proj θ_a) − reg(Proj θ_b)</c>, for two lists of
    /// states indexed by chain (e.g. the final states and the starts). Pairs are independent samples.
    /// </summary>
    public static double[] PerPair(TheoryCase @case, IReadOnlyList<double[]> later, IReadOnlyList<double[]> earlier)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        var samples = new double[later.Count / 2];
        Parallel.For(0, samples.Length, j =>
        {
            double sum = 0;
            for (int member = 0; member < 2; member++)
            {
                int c = 2 * j + member;
                sum += OfProjected(@case, later[c]) - OfProjected(@case, earlier[c]);
            }
            samples[j] = sum / 2;
        });
        return samples;
    }
}
