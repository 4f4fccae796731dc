namespace NoiseDrift.Theory.Checks;

/// <summary>A finite-difference estimate and the bound on its error (docs/theory.md §1; see <see cref="FiniteDifference"/>).</summary>
/// <param name="Value">The central difference.</param>
/// <param name="Bound">The tolerance: Safety × (truncation + rounding).</param>
public readonly record struct FdEstimate(double Value, double Bound);
