namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// One sigmoid-on-one-point case (docs/theory.md §4.3): the point x, the label y, the width m and how the start is made.
/// </summary>
/// <param name="Y">The label.</param>
/// <param name="Width">m, the number of neurons.</param>
/// <param name="NearEqualStart">Start near the equal split (shares y/m within about ±2%) instead of a spread start.</param>
/// <param name="RandomActivations">Each neuron's pre-activation drawn from N(0, 1.5²) instead of the common s = 1/2.</param>
public sealed record SigmoidCase(double Y, int Width, bool NearEqualStart = false, bool RandomActivations = false)
{
    /// <summary>The single input, x = (0.6, −0.8), so C = ||x||² + 1 = 2.</summary>
    public static readonly double[] X = [0.6, -0.8];

    /// <summary><c>C = ||x||² + 1</c>.</summary>
    public static double C => 1 + X.Sum(v => v * v);

    /// <summary><c>q = y²C</c>.</summary>
    public double Q => Y * Y * C;

    /// <summary>The name in verdict rows, e.g. <c>sigmoid m=4 y=3 (q=18) near-equal shares, random activations</c>.</summary>
    public string Name => $"sigmoid m={Width} y={Y:G3} (q={Q:G3}){StartName}";

    private string StartName => (NearEqualStart, RandomActivations) switch
    {
        (true, false) => " near-equal start",
        (true, true) => " near-equal shares, random activations",
        (false, true) => " spread shares, random activations",
        _ => "",
    };
}
