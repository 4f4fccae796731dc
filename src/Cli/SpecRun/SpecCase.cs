using System.Globalization;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// The theory case of a spec file (docs/theory.md §1): its model, data and SGD settings at a point θ* of the zero-loss
/// manifold M, reached by <see cref="ManifoldStart"/>. A given <c>theta</c> is used as is when it lies on M, and is
/// otherwise projected onto M with a note on stderr; without <c>theta</c>, θ* is found by training from
/// <c>N(0, 1/fan_in)</c> draws from <c>sgd.seed</c> (the next draw when training stalls).
/// </summary>
/// <param name="Case">θ* with the model, data and hyper-parameters.</param>
/// <param name="Source">Where θ* came from.</param>
public sealed record SpecCase(TheoryCase Case, ThetaSource Source)
{
    /// <summary>Resolves θ* for <paramref name="spec"/>, writing a one-line note for a projected or found θ*.</summary>
    public static SpecCase Resolve(Spec.Spec spec, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(notes);
        var (theta, source) = spec.Theta is { } given ? OnManifold(spec, given, notes) : Found(spec, notes);
        var sgd = spec.Sgd.Problem;
        return new SpecCase(new TheoryCase(spec.Model.Describe(), spec.Model, spec.Data, theta, sgd), source);
    }

    private static (double[], ThetaSource) OnManifold(Spec.Spec spec, double[] theta, TextWriter notes)
    {
        var (model, data) = (spec.Model, spec.Data);
        ManifoldStart start;
        try
        {
            start = ManifoldStart.Near(model, data, theta);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidInputException("theta", $"is off the zero-loss manifold (max_i |h(x_i; θ) − y_i| = " +
                $"{Guard.Format(ManifoldStart.MaxResidual(model, data, theta))}) and could not be projected onto it: {e.Message}");
        }
        if (start.Route == ManifoldRoute.OnManifold) return (theta, ThetaSource.Spec);
        notes.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"noisedrift: note: theta is off the zero-loss manifold (max_i |h(x_i; θ) − y_i| = " +
            $"{ManifoldStart.MaxResidual(model, data, theta):G3} > {ManifoldStart.Bound(data):G3}); " +
            $"using its Gauss–Newton projection onto M, {start.ProjectionDistance:G3} away"));
        return (start.Theta, ThetaSource.Projected);
    }

    private static (double[], ThetaSource) Found(Spec.Spec spec, TextWriter notes)
    {
        ulong seed = spec.Sgd.Run.Seed;
        ManifoldStart start;
        try
        {
            start = ManifoldStart.ByGaussNewton(spec.Model, spec.Data, attempt => InitialTheta.Draw(spec.Model, seed, attempt));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidInputException("theta", $"is absent, and no zero-loss point was found from sgd.seed = {seed}: " +
                $"{e.Message}; give theta or another seed");
        }
        string retried = start.Rejected == 0 ? "" : $" (draw {start.Rejected + 1}: training stalled from the first {start.Rejected})";
        notes.WriteLine($"noisedrift: note: theta absent; found θ* on the zero-loss manifold from sgd.seed = {seed}{retried}");
        return (start.Theta, ThetaSource.Found);
    }
}
