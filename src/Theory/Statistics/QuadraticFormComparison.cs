namespace NoiseDrift.Theory.Statistics;

/// <summary>
/// One scalar summary of a covariance, predicted versus measured (docs/theory.md §5): a quadratic form <c>vᵀ S v</c> along a
/// predicted eigenvector, or the trace.
/// </summary>
/// <param name="Label">What it is, e.g. <c>eigen[0]</c> or <c>trace</c>.</param>
/// <param name="Predicted">The predicted value (<c>vᵀ S v</c> or <c>tr S</c>).</param>
/// <param name="Measured">The sample estimate.</param>
/// <param name="StdErr">Its standard error, from the 4th moments of the samples.</param>
public sealed record QuadraticFormComparison(string Label, double Predicted, double Measured, double StdErr);
