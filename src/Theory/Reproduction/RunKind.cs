namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The dynamics a reproduction runs from the same interpolating start (docs/theory.md §3): label-noise SGD, and its two
/// controls, plain GD (σ = 0) and isotropic parameter noise with the same per-step mean-square displacement.
/// </summary>
public enum RunKind
{
    /// <summary>Label-noise SGD, the reference dynamics of docs/theory.md §1.</summary>
    LabelNoise,

    /// <summary>The σ = 0 control: every point of M is fixed (docs/theory.md §3, "Controls").</summary>
    PlainGd,

    /// <summary>The isotropic control <c>θ += τξ</c> with τ from <see cref="MatchedParameterNoise"/> (docs/theory.md §3).</summary>
    IsotropicNoise,
}
