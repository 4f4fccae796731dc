namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// A label-noise SGD chain blew up although η was below the linear stability limit <c>2/λ_max</c> at its start
/// (docs/theory.md §2): the divergence is nonlinear (a minibatch or a start far from M). When η is at or beyond the limit
/// the runner throws <see cref="Validation.InvalidInputException"/> on <c>sgd.eta</c> instead.
/// </summary>
public sealed class SgdDivergedException : InvalidOperationException
{
    public SgdDivergedException(string message, int chain, long step, double eta, double largestCurvature)
        : base(message)
    {
        Chain = chain;
        Step = step;
        Eta = eta;
        LargestCurvature = largestCurvature;
    }

    /// <summary>The chain that diverged.</summary>
    public int Chain { get; }

    /// <summary>The step k at which it was detected.</summary>
    public long Step { get; }

    /// <summary>The step size η used.</summary>
    public double Eta { get; }

    /// <summary><c>λ_max</c> of <c>G = (1/n) JᵀJ</c> at the chain's start.</summary>
    public double LargestCurvature { get; }

    /// <summary>The linear stability limit <c>2/λ_max</c>.</summary>
    public double StabilityLimit => 2 / LargestCurvature;
}
