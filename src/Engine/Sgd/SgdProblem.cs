using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// The label-noise SGD problem of docs/theory.md §1: step η, noise scale σ, batch size B (B = n is full batch) and the noise
/// law, in <c>θ_{k+1} = θ_k − η ∇_θ (1/2B) Σ_{i∈S_k} (h(x_i; θ_k) − y_i − ε_{k,i})²</c>. Together with
/// (model, θ*, data) it determines every prediction, and with a seed every simulation. This record is the one owner of
/// these hyper-parameters, their validation and the stability limit <c>η λ_max &lt; 2</c> (docs/theory.md §2). Errors
/// name the bare field (<c>eta</c>, <c>sigma</c>, <c>batch</c>, <c>noise</c>); the CLI places them under <c>sgd.</c>.
/// </summary>
/// <param name="Eta">Step size η &gt; 0, in the convention with the ½ and the batch mean (docs/theory.md §1).</param>
/// <param name="Sigma">Label-noise standard deviation σ ≥ 0 (σ = 0 is plain gradient descent, a docs/theory.md §3 control).</param>
/// <param name="Batch">Batch size B, 1 ≤ B ≤ n; batches are B distinct indices drawn uniformly.</param>
/// <param name="Noise">The law of ε; only its variance σ² enters the predictions (docs/theory.md §2).</param>
public sealed record SgdProblem(double Eta, double Sigma, int Batch, NoiseLaw Noise = NoiseLaw.Gaussian)
{
    /// <summary>The field names this record's errors use: <c>eta</c>, <c>sigma</c>, <c>batch</c>, <c>noise</c>.</summary>
    public static IReadOnlySet<string> FieldNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "eta", "sigma", "batch", "noise",
    };

    /// <summary>Full-batch label-noise SGD (B = n) on <paramref name="n"/> examples (docs/theory.md §1).</summary>
    public static SgdProblem FullBatch(double eta, double sigma, int n, NoiseLaw noise = NoiseLaw.Gaussian) =>
        new(eta, sigma, n, noise);

    /// <summary>The noise scale <c>η σ² / B</c> to which the OU covariance is proportional at leading order (§2).</summary>
    public double NoiseScale => Eta * Sigma * Sigma / Batch;

    /// <summary>
    /// The slow time covered by <paramref name="steps"/> SGD steps, <c>t = η²σ² k / B</c> (docs/theory.md §3, "Slow flow"),
    /// computed as <c>η · (ησ²/B) · k</c>.
    /// </summary>
    public double SlowTime(double steps)
    {
        Guard.NonNegative(steps, "steps");
        return Eta * NoiseScale * steps;
    }

    /// <summary>The number of SGD steps k that cover slow time t: <c>k = t B / (η²σ²)</c>; needs σ &gt; 0.</summary>
    public double StepsFor(double time)
    {
        Guard.NonNegative(time, "time");
        Guard.Positive(Sigma, "sigma");
        return time / (Eta * NoiseScale);
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> naming the bare field and its value unless η &gt; 0, σ ≥ 0,
    /// 1 ≤ B ≤ n and the noise law is known.
    /// </summary>
    public void Validate(int n)
    {
        Guard.Positive(Eta, "eta");
        Guard.NonNegative(Sigma, "sigma");
        if (Batch < 1 || Batch > n)
            throw new InvalidInputException("batch", $"must be in [1, n = {n}], got {Batch}");
        if (!Enum.IsDefined(Noise))
            throw new InvalidInputException("noise", $"must be gaussian or rademacher, got {(int)Noise}");
    }

    /// <summary>The largest stable step <c>2 / λ_max</c> (+∞ when λ_max = 0), docs/theory.md §2.</summary>
    public static double MaximumStep(double largestCurvature) => 2.0 / largestCurvature;

    /// <summary>Whether <c>η λ_max ≥ 2</c> (false for an unknown, NaN, λ_max), docs/theory.md §2.</summary>
    public bool BeyondStabilityLimit(double largestCurvature) => Eta * largestCurvature >= 2;

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> on field <c>eta</c>, stating η, <c>λ_max</c> and the limit
    /// <c>2/λ_max</c>, when <c>η λ_max ≥ 2</c>, λ_max the largest eigenvalue of <c>G = (1/n) JᵀJ</c> (on N). The mean
    /// <c>E u_k = (I − ηG)^k u_0</c> then diverges, for full batch and minibatch alike (docs/theory.md §2).
    /// </summary>
    public void RequireStable(double largestCurvature)
    {
        if (!BeyondStabilityLimit(largestCurvature)) return;
        double product = Eta * largestCurvature;
        throw new InvalidInputException("eta",
            $"η = {Guard.Format(Eta)} gives η λ_max = {Guard.Format(product)} ≥ 2 (λ_max = {Guard.Format(largestCurvature)}, " +
            $"the largest eigenvalue of G = (1/n)JᵀJ): label-noise SGD diverges; the stability limit is " +
            $"η < 2/λ_max = {Guard.Format(MaximumStep(largestCurvature))}");
    }
}
