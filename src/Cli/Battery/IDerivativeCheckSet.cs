using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// The derivative checks run on one specimen: gradient, Hessian-vector product and its symmetry, <c>reg</c> and
/// <c>∇reg</c> against finite differences or brute force (DESIGN.md "Engine conventions").
/// </summary>
public interface IDerivativeCheckSet
{
    /// <summary>Runs every check on the specimen; each verdict's case is <see cref="Specimen.Name"/>.</summary>
    IReadOnlyList<CheckResult> Run(Specimen specimen);
}
