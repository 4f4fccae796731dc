namespace NoiseDrift.Theory.Stability;

/// <summary>The first-order classification of a zero-loss point under label-noise SGD (docs/theory.md §3, "Stability").</summary>
public enum StabilityKind
{
    /// <summary><c>P ∇reg ≠ 0</c>: the chain leaves along <c>−P ∇reg</c>.</summary>
    Repelling,

    /// <summary>
    /// <c>P ∇reg = 0</c> within tolerance: a critical point of reg on M; stable if reg restricted to M has a strict
    /// local minimum there (a second-order question this first-order test does not settle).
    /// </summary>
    StableOrCritical,
}
