using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.SlowFlow;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The slow flow <c>dθ/dt = −¼ P∇reg</c> (THEORY.md §3) from the reproduction's start, read at given flow times, with
/// the observables evaluated along it. Integrated interval by interval with <see cref="RiemannianSlowFlow"/>. When
/// the retraction fails (J loses rank, THEORY.md §4.2) the flow stops there and says so; later times read NaN.
/// </summary>
/// <param name="Times">The flow times read, ascending, starting at 0.</param>
/// <param name="Thetas">θ(t) at each time (null after a stop).</param>
/// <param name="Values">Per observable, its value along the flow (NaN after a stop).</param>
/// <param name="Stopped">Why and when the flow stopped, or empty.</param>
public sealed record FlowTrack(double[] Times, double[]?[] Thetas, IReadOnlyDictionary<string, double[]> Values, string Stopped)
{
    /// <summary>Integrates to every time in <paramref name="times"/> with Heun steps no longer than <paramref name="maxStep"/>.</summary>
    public static FlowTrack Integrate(Model model, Dataset data, double[] start, IEnumerable<double> times, double maxStep,
        IReadOnlyList<ProjectedObservable> observables)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observables);
        var sorted = times.Append(0).Distinct().Order().ToArray();
        var thetas = new double[]?[sorted.Length];
        thetas[0] = (double[])start.Clone();
        string stopped = "";
        for (int j = 1; j < sorted.Length && stopped.Length == 0; j++)
        {
            double span = sorted[j] - sorted[j - 1];
            int steps = Math.Max(1, (int)Math.Ceiling(span / maxStep));
            try
            {
                thetas[j] = RiemannianSlowFlow.Integrate(model, thetas[j - 1]!, data, span, steps, steps).Final;
            }
            catch (Exception e) when (e is InvalidInputException or InvalidOperationException)
            {
                stopped = $"the slow flow stopped between t = {sorted[j - 1]:G4} and t = {sorted[j]:G4}: {e.Message}";
            }
        }
        var values = observables.ToDictionary(o => o.Name,
            o => thetas.Select(t => t is null ? double.NaN : o.Of(t)).ToArray());
        return new FlowTrack(sorted, thetas, values, stopped);
    }

    /// <summary>The value of an observable at flow time t (one of <see cref="Times"/>, up to rounding).</summary>
    public double At(string name, double time) => Values[name][IndexOf(time)];

    /// <summary>θ at flow time t (one of <see cref="Times"/>), or null after a stop.</summary>
    public double[]? ThetaAt(double time) => Thetas[IndexOf(time)];

    private int IndexOf(double time)
    {
        int best = 0;
        for (int j = 1; j < Times.Length; j++)
            if (Math.Abs(Times[j] - time) < Math.Abs(Times[best] - time)) best = j;
        return best;
    }
}
