namespace NoiseDrift.Engine.Sgd;

/// <summary>The law of the label noise <c>ε_{k,i}</c>: mean 0, variance σ² (docs/theory.md §1).</summary>
public enum NoiseLaw
{
    /// <summary><c>ε ~ N(0, σ²)</c>.</summary>
    Gaussian,

    /// <summary><c>ε = ±σ</c> with probability ½ each.</summary>
    Rademacher,
}
