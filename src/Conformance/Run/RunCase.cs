using NoiseDrift.Conformance.Cases;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// One statistically judged <c>run</c> request (docs/conformance.md §2): K steps of C chains from θ* ∈ M. η is set from
/// <c>η λ_max(G)</c> and σ so that the stationary covariance has largest eigenvalue <see cref="OuScale"/>, which keeps
/// the stated remainder <see cref="SuiteBudget.RemainderBound"/> at 0.1% (docs/theory.md §2, §5).
/// </summary>
/// <param name="Name">The case name.</param>
/// <param name="Case">The point, data and batch size; η and σ replaced as above.</param>
/// <param name="Run">K steps of C chains, and the seed sent to the program.</param>
public sealed record RunCase(string Name, ConformanceCase Case, RunPlan Run)
{
    /// <summary>The largest eigenvalue of the stationary S the cases are scaled to.</summary>
    public const double OuScale = 1e-5;

    /// <summary>A run case from a catalog case, with <c>η = etaLambdaMax / λ_max(G)</c> and σ from <see cref="OuScale"/>.</summary>
    public static RunCase From(ConformanceCase c, double etaLambdaMax, int steps, int chains, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(c);
        var frame = NormalFrame.At(c.Model.Engine, c.Theta, c.Data);
        var theory = new TheoryCase(c.Name, c.Model.Engine, c.Data, c.Theta,
            new SgdProblem(etaLambdaMax / frame.LargestHessianEigenvalue, 1, c.Batch, c.Law)).WithOuScale(OuScale);
        var scaled = c with { Eta = theory.Sgd.Eta, Sigma = theory.Sgd.Sigma };
        return new RunCase($"{c.Name} run K={steps} C={chains}", scaled, new RunPlan(chains, steps, 0, seed));
    }
}
