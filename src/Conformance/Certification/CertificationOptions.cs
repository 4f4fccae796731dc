namespace NoiseDrift.Conformance.Certification;

/// <summary>The options of <c>noisedrift certify</c> (docs/conformance.md §2).</summary>
/// <param name="Tier">Which cases.</param>
/// <param name="Relative">The relative tolerance of the deterministic ops (default 1e-9).</param>
public sealed record CertificationOptions(CertificationTier Tier = CertificationTier.Standard,
    double Relative = DeterministicJudge.DefaultRelative);
