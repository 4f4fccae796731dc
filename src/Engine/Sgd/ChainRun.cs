using System.Numerics.Tensors;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The per-chain loop of <see cref="ChainEnsemble"/>: K steps of <see cref="LabelNoiseSgd"/>, the Rao–Blackwell sum
/// <c>Σ_k ∇L(θ_k)</c> (docs/theory.md §3), snapshots, progress and divergence detection. Allocation-free while the chain
/// is healthy.
/// </summary>
internal sealed class ChainRun(LabelNoiseSgd sgd, IReadOnlyList<double[]> starts, int steps, int[] snapshotSteps,
    ProgressMeter meter, CancellationToken cancellation)
{
    /// <summary>
    /// Runs chain <paramref name="chain"/> in place from the start already in <paramref name="theta"/>; writes the
    /// mean clean gradient into <paramref name="meanGradient"/> (when given) and returns the mean clean loss.
    /// </summary>
    public double Chain(int chain, long stream, double noiseSign, double[] theta, double[]? meanGradient,
        double[][][] snapshots, SgdWorkspace ws)
    {
        int nextSnapshot = 0, chunk = meter.Chunk(steps), sinceReport = 0;
        double lossSum = 0;
        for (int k = 0; k < steps; k++)
        {
            if (nextSnapshot < snapshotSteps.Length && snapshotSteps[nextSnapshot] == k)
                theta.CopyTo(snapshots[nextSnapshot++][chain], 0);
            double loss;
            if (meanGradient is not null)
            {
                loss = sgd.StepWithCleanGradient(theta, stream, k, noiseSign, ws, out double cleanLoss);
                lossSum += cleanLoss;
                var clean = ws.CleanGradient;
                for (int j = 0; j < meanGradient.Length; j++) meanGradient[j] += clean[j];
            }
            else loss = sgd.Step(theta, stream, k, noiseSign, ws);
            if (sgd.IsDiverged(loss, theta))
                throw new ChainFailure(chain, Diverged(chain, k, loss, double.IsFinite(TensorPrimitives.Sum<double>(theta))));
            if (++sinceReport == chunk)
            {
                meter.Add(sinceReport);
                sinceReport = 0;
                cancellation.ThrowIfCancellationRequested();
            }
        }
        meter.Add(sinceReport);
        if (nextSnapshot < snapshotSteps.Length) theta.CopyTo(snapshots[nextSnapshot][chain], 0);
        if (meanGradient is null) return double.NaN;
        TensorPrimitives.Divide(meanGradient, steps, meanGradient);
        return lossSum / steps;
    }

    /// <summary>
    /// The error for a blown-up chain, naming η, the stability limit <c>2/λ_max</c> at the chain's start and what
    /// was seen (docs/theory.md §2: the suite must refuse with the limit in the message).
    /// </summary>
    internal Exception Diverged(int chain, long step, double loss, bool thetaFinite)
    {
        var s = sgd.Settings;
        var problem = s.Problem;
        double lambda;
        try { lambda = LargestCurvature.Of(sgd.Model, sgd.Data, starts[chain]); }
        catch (InvalidInputException) { lambda = double.NaN; }
        string seen = !thetaFinite || !double.IsFinite(loss)
            ? "θ or the residuals became non-finite"
            : $"the RMS batch residual reached {Guard.Format(Math.Sqrt(2 * loss))} > residualBound = {Guard.Format(s.ResidualBound)}";
        string where = $"label-noise SGD diverged in chain {chain} at step {step}: {seen}";
        string limit = $"the stability limit 2/λ_max = {Guard.Format(2 / lambda)} (λ_max = {Guard.Format(lambda)}, the " +
                       "largest eigenvalue of G = (1/n)JᵀJ at the chain's start)";
        if (problem.BeyondStabilityLimit(lambda))
            return new InvalidInputException("eta", $"= {Guard.Format(problem.Eta)} is at or beyond {limit}; {where}");
        return new SgdDivergedException(
            $"{where}. η = {Guard.Format(problem.Eta)} is below {limit}, so the blow-up is nonlinear " +
            $"(batch B = {problem.Batch} of n = {sgd.Data.Count}, or a start far from the zero-loss set); reduce η",
            chain, step, problem.Eta, lambda);
    }
}
