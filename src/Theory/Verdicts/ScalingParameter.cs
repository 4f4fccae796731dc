namespace NoiseDrift.Theory.Verdicts;

/// <summary>The hyper-parameter a scaling check varies (docs/theory.md §3: drift ∝ η²σ²/B at leading order).</summary>
public enum ScalingParameter
{
    /// <summary>Step size η; leading exponent of the drift 2, of the OU covariance 1.</summary>
    Eta,

    /// <summary>Noise scale σ; leading exponent of the drift 2, of the OU covariance 2.</summary>
    Sigma,

    /// <summary>Batch size B; leading exponent of the drift −1, of the OU covariance −1.</summary>
    Batch,
}
