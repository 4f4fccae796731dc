namespace NoiseDrift.Conformance.Certification;

/// <summary>How many cases <c>certify</c> runs (<c>--cases quick|standard</c>).</summary>
public enum CertificationTier
{
    /// <summary>One case per model kind and one <c>run</c> case.</summary>
    Quick,

    /// <summary>Every canonical case and two <c>run</c> cases.</summary>
    Standard,
}
