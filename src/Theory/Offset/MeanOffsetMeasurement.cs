using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Theory.Offset;

/// <summary>
/// The measured mean of the normal coordinates <c>c = Qᵀ(θ_k − θ*)</c> over chains (docs/theory.md §3.9), one sample
/// per antithetic pair: the pair's two chains are averaged first, which cancels every odd order in the noise and
/// keeps the offset, an even-order effect. Pairs are independent, so the spread of a projection over pairs is its
/// honest standard error.
/// </summary>
public static class MeanOffsetMeasurement
{
    /// <summary>Per pair, the mean normal coordinates (length n) of the states <paramref name="states"/> (indexed by chain).</summary>
    public static double[][] PerPair(TheoryCase @case, IReadOnlyList<double[]> states)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(states);
        var frame = @case.Frame;
        int p = @case.Model.ParameterCount;
        var samples = new double[states.Count / 2][];
        var offset = new double[p];
        for (int j = 0; j < samples.Length; j++)
        {
            for (int q = 0; q < p; q++) offset[q] = 0.5 * (states[2 * j][q] + states[2 * j + 1][q]) - @case.Theta[q];
            samples[j] = frame.Coordinates(offset);
        }
        return samples;
    }
}
