using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Geometry;

/// <summary>
/// A quantity read on M at the projection <c>Proj_M θ</c> of an iterate (docs/theory.md §3, "Slow flow": the normal
/// OU fluctuation must not enter) — reg, a test error, a share, h at a point — and, unchanged, on points already on M
/// such as the slow flow's. This type holds the one policy for an iterate that cannot be projected (J loses rank on
/// the way, as when a ReLU kink crosses a data point, docs/theory.md §4.2; Gauss–Newton stalls; an overflow): it is a
/// measurement outcome, never a crash — the reading is NaN, the reason is kept, and callers leave that chain out and
/// count it.
/// </summary>
/// <param name="Name">Its name in reports, e.g. <c>test_error</c>.</param>
/// <param name="Of">Its value at a point of M.</param>
public sealed record ProjectedObservable(string Name, Func<double[], double> Of)
{
    /// <summary><c>reg(θ) = (1/n) Σ ||∇_θ h(x_i; θ)||²</c> (docs/theory.md §1).</summary>
    public static ProjectedObservable Reg(Model model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return new("reg", t => model.Reg(t, data.X, model.CreateWorkspace(data.Count)));
    }

    /// <summary>The observable at <c>Proj_M θ</c>, or NaN when θ cannot be projected (<see cref="Project"/>).</summary>
    public double AtProjection(Model model, Dataset data, double[] theta) =>
        Project(model, data, theta, out _) is { } point ? Of(point) : double.NaN;

    /// <summary>
    /// <c>Proj_M θ</c> by Gauss–Newton (<see cref="ZeroLossProjection.Project"/>), or null with the reason in
    /// <paramref name="failure"/> when θ cannot be projected: J rank-deficient (<see cref="InvalidInputException"/>),
    /// Gauss–Newton stalled or out of iterations (<see cref="InvalidOperationException"/>), or an overflow
    /// (<see cref="ArithmeticException"/>).
    /// </summary>
    public static double[]? Project(Model model, Dataset data, double[] theta, out string failure)
    {
        try
        {
            failure = "";
            return ZeroLossProjection.Project(model, data, theta);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidOperationException or ArithmeticException)
        {
            failure = e.Message;
            return null;
        }
    }
}
