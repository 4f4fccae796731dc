namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// A derived correction to the flow's value of an observable read at the horizon, where the chains are at rest around
/// the flow's limit, with its bias bound (docs/theory.md §4.3, "The along-M offset at the equal split"). Readings before
/// the horizon are not corrected.
/// </summary>
/// <param name="Offset">Added to the prediction at the horizon.</param>
/// <param name="Bias">Added to the bias bound at the horizon.</param>
public readonly record struct HorizonOffset(double Offset, double Bias);
