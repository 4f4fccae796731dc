using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Settings;
using Xunit;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>
/// <see cref="ManifoldStart"/>, the one way onto M (docs/theory.md §1): a point on M is kept, one off M is projected,
/// and a draw that cannot reach a usable point is retried with the next draw.
/// </summary>
public sealed class ManifoldStartTests
{
    private static readonly MatrixSensingProblem Problem = MatrixSensingProblem.Draw(3, 1, 4, 5);
    private static readonly MatrixSensing Model = new(3, 3);

    private static double[] Draw(int attempt) =>
        [.. Enumerable.Range(0, 9).Select(j => 0.5 * CounterRandom.Gaussian(17, attempt, 0, j))];

    [Fact]
    public void A_point_on_M_is_kept_and_a_point_off_M_is_projected()
    {
        var found = ManifoldStart.ByDescent(Model, Problem.Data, Draw, 100_000, 0.01);
        Assert.True(ManifoldStart.IsOn(ManifoldStart.MaxResidual(Model, Problem.Data, found.Theta), Problem.Data));
        var kept = ManifoldStart.Near(Model, Problem.Data, found.Theta);
        Assert.Equal(ManifoldRoute.OnManifold, kept.Route);
        Assert.Same(found.Theta, kept.Theta);
        var off = found.Theta.Select(v => v + 1e-3).ToArray();
        Assert.False(ManifoldStart.IsOn(ManifoldStart.MaxResidual(Model, Problem.Data, off), Problem.Data));
        var projected = ManifoldStart.Near(Model, Problem.Data, off);
        Assert.Equal(ManifoldRoute.Projected, projected.Route);
        Assert.True(ManifoldStart.IsOn(ManifoldStart.MaxResidual(Model, Problem.Data, projected.Theta), Problem.Data));
        Assert.InRange(projected.ProjectionDistance, 1e-6, 1e-2);
    }

    /// <summary>
    /// U₀ = 0 has ∇h = 0 for every measurement, so G = 0 and GD's step 1/λ_max is infinite: the engine refuses it
    /// (η = ∞) as it refused the saturated sigmoid draw of <c>reproduce sigmoid --seed 10</c>. The search must move on
    /// to the next draw, not end.
    /// </summary>
    [Fact]
    public void A_draw_with_zero_curvature_is_retried_with_the_next_draw()
    {
        var start = ManifoldStart.ByDescent(Model, Problem.Data, a => a == 0 ? new double[9] : Draw(a), 100_000, 0.01);
        Assert.Equal(1, start.Rejected);
        Assert.Equal(Draw(1), start.Initial);
        Assert.Equal(ManifoldRoute.GradientDescent, start.Route);
        Assert.True(ManifoldStart.IsOn(ManifoldStart.MaxResidual(Model, Problem.Data, start.Theta), Problem.Data));
    }

    [Fact]
    public void A_search_where_no_draw_works_names_the_last_reason()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            ManifoldStart.ByDescent(Model, Problem.Data, _ => new double[9], 100_000, 0.01));
        Assert.Contains("8 random initialisations", e.Message, StringComparison.Ordinal);
        Assert.Contains("eta", e.Message, StringComparison.Ordinal);
    }
}
