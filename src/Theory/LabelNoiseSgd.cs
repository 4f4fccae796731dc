using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory;

/// <summary>
/// The label-noise SGD hyper-parameters of THEORY.md §1: step η, noise scale σ, batch size B (B = n is full batch)
/// and the noise law. Together with (model, θ*, data) they determine every prediction.
/// </summary>
/// <param name="Eta">Step size η &gt; 0, in the convention with the ½ and the batch mean (THEORY.md §1).</param>
/// <param name="Sigma">Label-noise standard deviation σ ≥ 0.</param>
/// <param name="Batch">Batch size B, 1 ≤ B ≤ n; batches are B distinct indices drawn uniformly.</param>
/// <param name="Law">Noise law; only its variance σ² enters the predictions (THEORY.md §2).</param>
public sealed record LabelNoiseSgd(double Eta, double Sigma, int Batch, NoiseLaw Law = NoiseLaw.Gaussian)
{
    /// <summary>Full-batch label-noise SGD (B = n) on <paramref name="n"/> examples (THEORY.md §1).</summary>
    public static LabelNoiseSgd FullBatch(double eta, double sigma, int n, NoiseLaw law = NoiseLaw.Gaussian) =>
        new(eta, sigma, n, law);

    /// <summary>Throws <see cref="InvalidInputException"/> naming the field unless η &gt; 0, σ ≥ 0 and 1 ≤ B ≤ n.</summary>
    public void Validate(int n)
    {
        Guard.Positive(Eta, "eta");
        Guard.NonNegative(Sigma, "sigma");
        if (Batch < 1 || Batch > n)
            throw new InvalidInputException("batch", $"must be between 1 and n = {n}, got {Batch}");
    }

    /// <summary>The noise scale <c>η σ² / B</c> to which the OU covariance is proportional at leading order (§2).</summary>
    public double NoiseScale => Eta * Sigma * Sigma / Batch;
}
