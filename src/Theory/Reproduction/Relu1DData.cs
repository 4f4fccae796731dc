using NoiseDrift.Engine.Data;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The two 1-D data sets of the ReLU claim (docs/theory.md §4.2), both at x = −1, −0.6, −0.2, 0.2, 0.6, 1: collinear
/// labels <c>y = 0.5x + 0.2</c>, and generic labels (0.3, −0.2, 0.4, 0.1, −0.3, 0.2).
/// </summary>
/// <param name="Name">Its name in verdict rows.</param>
/// <param name="Data">The data.</param>
/// <param name="Slope">The labels' slope when they are collinear, else null.</param>
public sealed record Relu1DData(string Name, Dataset Data, double? Slope = null)
{
    /// <summary>The inputs.</summary>
    public static readonly double[] X = [-1, -0.6, -0.2, 0.2, 0.6, 1];

    /// <summary><c>y = 0.5x + 0.2</c>: the interpolant of least reg is the straight line.</summary>
    public static Relu1DData Collinear { get; } = new("collinear", new Dataset([.. X], [.. X.Select(x => 0.5 * x + 0.2)], 1), 0.5);

    /// <summary>Labels (0.3, −0.2, 0.4, 0.1, −0.3, 0.2).</summary>
    public static Relu1DData Generic { get; } = new("generic", new Dataset([.. X], [0.3, -0.2, 0.4, 0.1, -0.3, 0.2], 1));
}
