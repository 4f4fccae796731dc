using NoiseDrift.Conformance.Cases;

namespace NoiseDrift.Conformance.Vectors;

/// <summary>
/// A case with its certified values (docs/conformance.md §1) and the relative tolerance the two routes guarantee: every
/// component of every field agrees with the second route within <c>RelativeTolerance · max|field|</c>.
/// </summary>
/// <param name="Case">The case.</param>
/// <param name="Expected">The engine's values, certified.</param>
/// <param name="RelativeTolerance">The stated tolerance: the largest relative bound, rounded up to a power of ten.</param>
/// <param name="Routes">One agreement per field.</param>
public sealed record CertifiedCase(ConformanceCase Case, ExpectedValues Expected, double RelativeTolerance,
    IReadOnlyList<RouteAgreement> Routes);
