using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.SlowFlow;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The OU spread's bias on an observable read at <c>Proj_M θ</c> (docs/theory.md §4.3, "Bias bounds of the end-state
/// verdicts"): the chains sit at <c>θ + u</c> with u normal, of covariance S (the exact stationary S at θ), and
/// <c>f(Proj_M(θ + u))</c> differs from <c>f(θ)</c> at second order in u because the projection is curved. Along each
/// eigenvector e_k of S (eigenvalue λ_k) the mean of f over <c>u = ±√λ_k e_k</c> minus f(θ) is the second-order term of
/// that direction; the bound is the sum of their absolute values.
/// </summary>
public static class OuSpreadBias
{
    /// <summary><c>Σ_k ½ |f(Proj(θ + √λ_k e_k)) + f(Proj(θ − √λ_k e_k)) − 2 f(θ)|</c> at θ on M.</summary>
    public static double Of(Model model, Dataset data, SgdProblem sgd, double[] theta, ProjectedObservable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        return OfEach(model, data, sgd, theta, t => [observable.Of(t)])[0];
    }

    /// <summary>
    /// The same bound for each component of a vector-valued f (for example h on a grid of x): one projection per
    /// direction serves every component. A direction whose projection fails makes every component NaN.
    /// </summary>
    public static double[] OfEach(Model model, Dataset data, SgdProblem sgd, double[] theta, Func<double[], double[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var frame = NormalFrame.At(model, theta, data);
        var s = StationaryCovariance.Exact(frame, sgd);
        var centre = f(theta);
        var bias = new double[centre.Length];
        for (int k = 0; k < s.Eigenvalues.Length; k++)
        {
            var direction = frame.Embed(s.Eigenvectors.Column(k).Multiply(Math.Sqrt(Math.Max(0, s.Eigenvalues[k]))).ToArray());
            var plus = AtProjection(model, data, [.. theta.Zip(direction, (a, b) => a + b)], f, centre.Length);
            var minus = AtProjection(model, data, [.. theta.Zip(direction, (a, b) => a - b)], f, centre.Length);
            for (int c = 0; c < bias.Length; c++) bias[c] += 0.5 * Math.Abs(plus[c] + minus[c] - 2 * centre[c]);
        }
        return bias;
    }

    /// <summary>
    /// The same bound where J may have lost rank (docs/theory.md §4.2, "End state at the horizon"), for full batch:
    /// the exact S of §2.1, <c>s_k = ησ²/(n(2 − ηλ_k/n))</c> along each kept eigenvector of <c>JᵀJ</c>
    /// (<see cref="TruncatedFrame.NormalDirections"/>); a dropped direction receives no noise and has no spread. Points
    /// are brought back by the rank-tolerant retraction (<see cref="RankTolerantSlowFlow.Retract"/>); a direction whose
    /// retraction fails makes every component NaN.
    /// </summary>
    public static double[] OfEachAtLostRank(Model model, Dataset data, SgdProblem sgd, double[] theta, Func<double[], double[]> f)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sgd);
        ArgumentNullException.ThrowIfNull(f);
        if (sgd.Batch != data.Count) throw new InvalidOperationException("the spread at lost rank is derived for full batch only");
        int n = data.Count;
        var centre = f(theta);
        var bias = new double[centre.Length];
        foreach (var (eigenvalue, unit) in TruncatedFrame.At(model, theta, data).NormalDirections())
        {
            double scale = Math.Sqrt(sgd.Eta * sgd.Sigma * sgd.Sigma / (n * (2 - sgd.Eta * eigenvalue / n)));
            var plus = Retracted(model, data, [.. theta.Zip(unit, (a, b) => a + scale * b)], f, centre.Length);
            var minus = Retracted(model, data, [.. theta.Zip(unit, (a, b) => a - scale * b)], f, centre.Length);
            for (int c = 0; c < bias.Length; c++) bias[c] += 0.5 * Math.Abs(plus[c] + minus[c] - 2 * centre[c]);
        }
        return bias;
    }

    private static double[] Retracted(Model model, Dataset data, double[] theta, Func<double[], double[]> f, int length)
    {
        try
        {
            return f(RankTolerantSlowFlow.Retract(model, data, theta));
        }
        catch (Exception e) when (e is Engine.Validation.InvalidInputException or InvalidOperationException)
        {
            return [.. Enumerable.Repeat(double.NaN, length)];
        }
    }

    private static double[] AtProjection(Model model, Dataset data, double[] theta, Func<double[], double[]> f, int length) =>
        ProjectedObservable.Project(model, data, theta, out _) is { } point ? f(point) : [.. Enumerable.Repeat(double.NaN, length)];
}
