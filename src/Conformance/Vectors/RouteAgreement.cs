namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// How one field of a case was certified (docs/conformance.md §1): the engine's value against a second, independent route,
/// component by component within a derived bound.
/// </summary>
/// <param name="Field">The <c>expected</c> field, e.g. <c>grad_reg</c>.</param>
/// <param name="SecondRoute">What the engine's value was compared with.</param>
/// <param name="WorstRatio"><c>max_k |engine_k − route_k| / bound_k</c>; certified when ≤ 1.</param>
/// <param name="RelativeBound"><c>max_k bound_k / scale</c>, the scale being the field's largest magnitude.</param>
public sealed record RouteAgreement(string Field, string SecondRoute, double WorstRatio, double RelativeBound)
{
    /// <summary>Whether every component agreed within its bound.</summary>
    public bool Certified => WorstRatio <= 1;
}
