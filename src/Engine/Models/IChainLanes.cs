namespace NoiseDrift.Engine.Models;

/// <summary>
/// The loss gradient of one model for the parameter vectors of several chains at once, one chain per lane (structure of
/// arrays), each lane with the bits the model's per-chain <see cref="Model.LossGradient"/> gives that chain alone
/// (docs/design.md "Bit-identity contract"): <see cref="MlpLanes{TW, TV, TU}"/> and <see cref="DagLanes{TW, TV, TU}"/>.
/// </summary>
internal interface IChainLanes<TV> where TV : unmanaged
{
    /// <summary>
    /// Writes <c>∇_θ (1/2m) Σ_i (h(x_i; θ) − t_i)²</c> per lane and returns the loss per lane, for m rows of
    /// <paramref name="x"/> (docs/theory.md §1).
    /// </summary>
    TV LossGradient(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets, int m, Span<TV> gradient);

    /// <summary>
    /// <see cref="LossGradient"/> for two target vectors at the same θ and x (docs/theory.md §3.3), bit for bit as two
    /// calls.
    /// </summary>
    (TV Loss, TV PairLoss) LossGradients(ReadOnlySpan<TV> theta, ReadOnlySpan<TV> x, ReadOnlySpan<TV> targets,
        ReadOnlySpan<TV> pairTargets, int m, Span<TV> gradient, Span<TV> pairGradient);
}
