namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// What an ensemble of label-noise SGD chains produced (docs/theory.md §2, §3). Chains are indexed c = 0..C−1; a group is
/// an antithetic pair (chains 2j, 2j+1) when <see cref="Antithetic"/> is set, otherwise a single chain.
/// </summary>
public sealed class ChainEnsembleResult
{
    internal ChainEnsembleResult(int steps, bool antithetic, double[][] finalStates, double[][]? chainMeanCleanGradient,
        double[]? chainMeanCleanLoss, IReadOnlyList<int> snapshotSteps, double[][][] snapshots)
    {
        Steps = steps;
        Antithetic = antithetic;
        FinalStates = finalStates;
        ChainMeanCleanGradient = chainMeanCleanGradient;
        ChainMeanCleanLoss = chainMeanCleanLoss;
        SnapshotSteps = snapshotSteps;
        Snapshots = snapshots;
        PairMeanCleanGradient = chainMeanCleanGradient is null ? null
            : antithetic ? PairAverage(chainMeanCleanGradient) : chainMeanCleanGradient;
    }

    /// <summary>K, the steps per chain.</summary>
    public int Steps { get; }

    /// <summary>Whether chains 2j and 2j+1 are antithetic pairs.</summary>
    public bool Antithetic { get; }

    /// <summary>C, the number of chains.</summary>
    public int Chains => FinalStates.Length;

    /// <summary><c>θ_K</c> of each chain, <c>C × p</c>.</summary>
    public double[][] FinalStates { get; }

    /// <summary>
    /// <c>(1/K) Σ_{k=0}^{K−1} ∇L(θ_k)</c> per chain, <c>C × p</c>: the clean full-data gradient, so
    /// <c>−η ·</c> this is the Rao–Blackwell estimate of the mean step (docs/theory.md §3). Null when
    /// <see cref="ChainEnsembleOptions.CleanGradient"/> was off.
    /// </summary>
    public double[][]? ChainMeanCleanGradient { get; }

    /// <summary><c>(1/K) Σ_k L(θ_k)</c> per chain; null when the clean gradient was off.</summary>
    public double[]? ChainMeanCleanLoss { get; }

    /// <summary>
    /// The mean clean gradient averaged within each group: per antithetic pair (<c>C/2 × p</c>) when
    /// <see cref="Antithetic"/>, else per chain. The groups are independent, so their spread gives the standard error.
    /// </summary>
    public double[][]? PairMeanCleanGradient { get; }

    /// <summary>The steps k that were recorded, as requested.</summary>
    public IReadOnlyList<int> SnapshotSteps { get; }

    /// <summary><c>Snapshots[s][c]</c> is <c>θ_k</c> of chain c at <c>k = SnapshotSteps[s]</c>.</summary>
    public double[][][] Snapshots { get; }

    /// <summary>
    /// The record of the first <paramref name="chains"/> chains (whole groups): what a run of only those starts gives, since
    /// each chain's randomness is keyed by its group (docs/design.md "Bit-identity contract").
    /// </summary>
    public ChainEnsembleResult FirstChains(int chains)
    {
        if (chains < 1 || chains > Chains || (Antithetic && chains % 2 != 0))
            throw new ArgumentOutOfRangeException(nameof(chains), chains, $"must be whole groups of the {Chains} chains");
        return new(Steps, Antithetic, FinalStates[..chains], ChainMeanCleanGradient?[..chains], ChainMeanCleanLoss?[..chains],
            SnapshotSteps, [.. Snapshots.Select(s => s[..chains])]);
    }

    private static double[][] PairAverage(double[][] perChain)
    {
        var pairs = new double[perChain.Length / 2][];
        for (int j = 0; j < pairs.Length; j++)
        {
            var a = perChain[2 * j];
            var b = perChain[2 * j + 1];
            var mean = new double[a.Length];
            for (int t = 0; t < a.Length; t++) mean[t] = 0.5 * (a[t] + b[t]);
            pairs[j] = mean;
        }
        return pairs;
    }
}
