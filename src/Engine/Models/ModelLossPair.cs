using NoiseDrift.Engine.LinearAlgebra;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// The loss gradient for two target vectors at the same θ and rows (docs/theory.md §3, "Variance reduction": the clean
/// gradient of the Rao–Blackwell sums beside the noisy full-batch step direction).
/// </summary>
public abstract partial class Model
{
    /// <summary>
    /// Whether <see cref="LossGradients"/> shares each row's work between the two targets and a step is
    /// <see cref="LossGradient"/> followed by <c>θ ← θ − η ∇L_t</c> (the default <see cref="LossGradientStep"/>): a model
    /// that keeps the default <see cref="LossGradientStep"/>, and either the default <see cref="LossGradient"/> or its own
    /// <see cref="LossGradients"/> beside its own <see cref="LossGradient"/>, says so, and label-noise SGD then takes the
    /// clean gradient and a full-batch step in one pass over the rows.
    /// </summary>
    protected internal virtual bool SharesRowGradients => false;

    /// <summary>
    /// <see cref="LossGradient"/> for <paramref name="targets"/> into <paramref name="gradient"/> and for
    /// <paramref name="pairTargets"/> into <paramref name="pairGradient"/>, bit for bit as two calls; returns both losses.
    /// With <see cref="SharesRowGradients"/> each row's <c>∇_θ h(x_i; θ)</c> is computed once (the default
    /// <see cref="LossGradient"/>'s arithmetic, in its order, for each target); a model with its own
    /// <see cref="LossGradient"/> that can share its per-row work overrides this.
    /// </summary>
    public virtual (double Loss, double PairLoss) LossGradients(ReadOnlySpan<double> theta, ReadOnlySpan<double> x,
        ReadOnlySpan<double> targets, ReadOnlySpan<double> pairTargets, Span<double> gradient, Span<double> pairGradient,
        Workspace ws)
    {
        ArgumentNullException.ThrowIfNull(ws);
        if (!SharesRowGradients)
            return (LossGradient(theta, x, targets, gradient, ws), LossGradient(theta, x, pairTargets, pairGradient, ws));
        int d = InputDimension, m = Rows(x);
        CheckSpans(targets, hasTargets: true, m, gradient);
        CheckSpans(pairTargets, hasTargets: true, m, pairGradient);
        var g = ws.Gradient.AsSpan();
        if (m > 0) CheckRows(theta, x, g);
        gradient.Clear();
        pairGradient.Clear();
        double loss = 0, pairLoss = 0;
        for (int i = 0; i < m; i++)
        {
            double h = RowGradient(theta, x.Slice(i * d, d), g, ws);
            double r = h - targets[i], pairR = h - pairTargets[i];
            loss += r * r;
            pairLoss += pairR * pairR;
            Axpy.Accumulate(g, r / m, gradient);
            Axpy.Accumulate(g, pairR / m, pairGradient);
        }
        return (loss / (2 * m), pairLoss / (2 * m));
    }
}
