using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Sgd;

/// <summary>
/// What the simulator needs beyond the <see cref="SgdProblem"/> (docs/theory.md §1): the seed of every random draw, and
/// the run options of the controls and the divergence guard.
/// </summary>
/// <param name="Problem">η, σ, B and the noise law.</param>
/// <param name="Seed">The seed of every random draw (batches, label noise, parameter noise).</param>
public sealed record SgdSettings(SgdProblem Problem, ulong Seed)
{
    /// <summary>
    /// τ ≥ 0 of the isotropic parameter-noise control of docs/theory.md §3: after each gradient step
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
        ArgumentNullException.ThrowIfNull(Problem);
        Problem.Validate(count);
        Guard.NonNegative(ParameterNoise, "parameterNoise");
        Guard.Positive(ResidualBound, "residualBound");
    }

    /// <summary>Validates against a data set.</summary>
    public void Validate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Count);
    }
}
