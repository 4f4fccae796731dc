using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// Accumulates the component-wise agreement of one field's two routes into a <see cref="RouteAgreement"/>: the worst
/// <c>|engine − route| / bound</c> (<see cref="WorstComponent"/>; a non-finite value counts as +∞).
/// </summary>
internal sealed class FieldAgreement(string field, string secondRoute)
{
    private readonly WorstComponent _worst = new();
    private double _worstBound;
    private double _scale;

    /// <summary>Adds component values from the two routes with the bound on their difference.</summary>
    public void Add(double engine, double route, double bound)
    {
        _worst.Add(route, engine, bound);
        _worstBound = Math.Max(_worstBound, bound);
        _scale = Math.Max(_scale, Math.Abs(engine));
    }

    /// <summary>Adds whole vectors.</summary>
    public void Add(ReadOnlySpan<double> engine, ReadOnlySpan<double> route, ReadOnlySpan<double> bound)
    {
        for (int k = 0; k < engine.Length; k++) Add(engine[k], route[k], bound[k]);
    }

    /// <summary>The agreement; the relative bound is taken against the field's largest magnitude.</summary>
    public RouteAgreement Result() =>
        new(field, secondRoute, _worst.Ratio, _scale > 0 ? _worstBound / _scale : _worstBound);
}
