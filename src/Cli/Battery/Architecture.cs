using NoiseDrift.Engine.Models;

namespace NoiseDrift.Cli.Battery;

/// <summary>A built-in model of the battery.</summary>
/// <param name="Model">The model.</param>
/// <param name="Name">The case name; the model's own description when null.</param>
/// <param name="Rows">A fixed number of data rows, overriding the tier's default.</param>
internal sealed record Architecture(Model Model, string? Name = null, int? Rows = null);
