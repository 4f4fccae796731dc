namespace NoiseDrift.Theory;

/// <summary>
/// The law of the label noise <c>ε_{k,i}</c> (THEORY.md §1): mean 0, variance σ². Every prediction of §2–§3 depends
/// on the law only through σ², so the law is carried for the record and never changes a predicted number.
/// </summary>
public enum LabelNoiseLaw
{
    /// <summary><c>ε ~ N(0, σ²)</c>.</summary>
    Gaussian,

    /// <summary><c>ε = ±σ</c> with probability ½ each.</summary>
    Rademacher,
}
