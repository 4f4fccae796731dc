using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// One experiment read from a spec file (docs/design.md, "Spec file"): a model, its training data, an optional θ* and the
/// label-noise SGD settings. Everything in it has been validated; <see cref="Theta"/>, when present, has length
/// <c>p</c> and is finite.
/// </summary>
/// <param name="Model">The scalar model <c>h(x; θ)</c>.</param>
/// <param name="Data">The training data <c>(x_i, y_i)</c>.</param>
/// <param name="Theta">θ*, or null when the commands must first find a point of the zero-loss manifold from the seed.</param>
/// <param name="Sgd">The label-noise SGD settings (docs/theory.md §1).</param>
public sealed record Spec(Model Model, Dataset Data, double[]? Theta, SgdOptions Sgd)
{
    /// <summary>
    /// Matrix sensing only: the ground truth X* (row-major d × d, symmetric PSD) from <c>data.ground_truth</c>, or null
    /// (docs/theory.md §4.1).
    /// </summary>
    public double[]? GroundTruth { get; init; }
}
