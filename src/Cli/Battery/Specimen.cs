using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Cli.Battery;

/// <summary>A model with a point θ and data to check it at.</summary>
/// <param name="Name">The case name: the model's description.</param>
/// <param name="Model">The model.</param>
/// <param name="Theta">A random θ, length p.</param>
/// <param name="Data">Random inputs, labelled by the model itself so that θ lies on the zero-loss manifold M.</param>
public sealed record Specimen(string Name, Model Model, double[] Theta, Dataset Data);
