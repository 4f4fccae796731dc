using System.Globalization;
using System.Numerics.Tensors;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Cli.Experiment;

/// <summary>
/// The theory case of a spec file (THEORY.md §1): its model, data and SGD settings at a point θ* of the zero-loss
/// manifold M. A given <c>theta</c> is used as is when it lies on M (<see cref="ManifoldPoint.Tolerance"/>), and is
/// otherwise projected onto M with a note on stderr; without <c>theta</c>, θ* is found by training from a
/// <c>N(0, 1/fan_in)</c> start drawn from <c>sgd.seed</c>.
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
        var residual = new double[data.Count];
        model.Forward(theta, data.X, residual, model.CreateWorkspace(data.Count));
        TensorPrimitives.Subtract(residual, data.Y, residual);
        double worst = Math.Abs(TensorPrimitives.MaxMagnitude(residual));
        double bound = ManifoldPoint.Tolerance * (1 + Math.Abs(TensorPrimitives.MaxMagnitude(data.Y)));
        if (worst <= bound) return (theta, ThetaSource.Spec);
        double[] projected;
        try
        {
            projected = ZeroLossProjection.Project(model, data, theta);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidInputException("theta", $"is off the zero-loss manifold (max_i |h(x_i; θ) − y_i| = " +
                $"{Guard.Format(worst)}) and could not be projected onto it: {e.Message}");
        }
        double moved = TensorPrimitives.Distance(projected, theta);
        notes.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"noisedrift: note: theta is off the zero-loss manifold (max_i |h(x_i; θ) − y_i| = {worst:G3} > {bound:G3}); " +
            $"using its Gauss–Newton projection onto M, {moved:G3} away"));
        return (projected, ThetaSource.Projected);
    }

    private static (double[], ThetaSource) Found(Spec.Spec spec, TextWriter notes)
    {
        ulong seed = spec.Sgd.Seed;
        double[] theta;
        try
        {
            theta = ZeroLossProjection.FindInterpolant(spec.Model, spec.Data, InitialTheta.Draw(spec.Model, seed));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidInputException("theta", $"is absent, and no zero-loss point was found from sgd.seed = {seed}: " +
                $"{e.Message}; give theta or another seed");
        }
        notes.WriteLine($"noisedrift: note: theta absent; found θ* on the zero-loss manifold from sgd.seed = {seed}");
        return (theta, ThetaSource.Found);
    }
}
