using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// Settings of label-noise SGD (THEORY.md §1, "Label-noise SGD, the reference dynamics"):
/// <c>θ_{k+1} = θ_k − η ∇_θ (1/2B) Σ_{i∈S_k} (h(x_i; θ_k) − y_i − ε_{k,i})²</c>.
/// </summary>
/// <param name="Eta">The step size η &gt; 0.</param>
/// <param name="Sigma">The label-noise scale σ ≥ 0 (σ = 0 is plain GD, a THEORY.md §3 control).</param>
/// <param name="Batch">The batch size B, <c>1 ≤ B ≤ n</c>; B = n is full batch.</param>
/// <param name="Noise">The law of <c>ε</c>.</param>
/// <param name="Seed">The seed of every random draw (batches, label noise, parameter noise).</param>
public sealed record SgdSettings(double Eta, double Sigma, int Batch, NoiseLaw Noise, ulong Seed)
{
    /// <summary>
    /// τ ≥ 0 of the isotropic parameter-noise control of THEORY.md §3: after each gradient step
    /// <c>θ += τ ξ</c>, <c>ξ ~ N(0, I_p)</c>. Zero (the default) turns it off.
    /// </summary>
    public double ParameterNoise { get; init; }

    /// <summary>
    /// A chain counts as diverged when its root-mean-square noisy batch residual exceeds this bound, or θ stops
    /// being finite. Default 1e8.
    /// </summary>
    public double ResidualBound { get; init; } = 1e8;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the field and value unless the settings fit n examples.</summary>
    public void Validate(int count)
    {
        Guard.Positive(Eta, "sgd.eta");
        Guard.NonNegative(Sigma, "sgd.sigma");
        if (Batch < 1 || Batch > count)
            throw new InvalidInputException("sgd.batch", $"must be in [1, n = {count}], got {Batch}");
        if (!Enum.IsDefined(Noise))
            throw new InvalidInputException("sgd.noise", $"must be gaussian or rademacher, got {(int)Noise}");
        Guard.NonNegative(ParameterNoise, "sgd.parameterNoise");
        Guard.Positive(ResidualBound, "sgd.residualBound");
    }

    /// <summary>Validates against a data set.</summary>
    public void Validate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Count);
    }
}
