namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// One sigmoid-on-one-point case (docs/theory.md §4.3): the point x, the label y and the width m.
/// </summary>
/// <param name="Y">The label.</param>
/// <param name="Width">m, the number of neurons.</param>
/// <param name="NearEqualStart">Start near the equal split (shares y/m within about ±2%, every activation 1/2) instead of a spread start.</param>
public sealed record SigmoidCase(double Y, int Width, bool NearEqualStart = false)
{
    /// <summary>The single input, x = (0.6, −0.8), so C = ||x||² + 1 = 2.</summary>
    public static readonly double[] X = [0.6, -0.8];

    /// <summary><c>C = ||x||² + 1</c>.</summary>
    public static double C => 1 + X.Sum(v => v * v);

    /// <summary><c>q = y²C</c>.</summary>
    public double Q => Y * Y * C;

    /// <summary>The name in verdict rows, e.g. <c>sigmoid m=4 y=3 (q=18)</c>.</summary>
    public string Name => $"sigmoid m={Width} y={Y:G3} (q={Q:G3}){(NearEqualStart ? " near-equal start" : "")}";
}
