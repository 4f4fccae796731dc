namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// A quantity a reproduction tracks on M (THEORY.md §4): read from the projected iterate <c>Proj_M(θ_k)</c> and from
/// the slow flow, e.g. <c>reg</c>, a test error or a share.
/// </summary>
/// <param name="Name">Its name in reports, e.g. <c>test_error</c>.</param>
/// <param name="Of">Its value at a point of M.</param>
public sealed record Observable(string Name, Func<double[], double> Of);
