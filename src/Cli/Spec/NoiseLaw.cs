namespace NoiseDrift.Cli.Spec;

/// <summary>The law of the label noise ε (mean 0, variance σ²; THEORY.md §1).</summary>
public enum NoiseLaw
{
    /// <summary><c>ε ~ N(0, σ²)</c>.</summary>
    Gaussian,

    /// <summary><c>ε = ±σ</c> with probability ½ each.</summary>
    Rademacher,
}
