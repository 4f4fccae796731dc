namespace NoiseDrift.Theory.Settings;

/// <summary>A predicted allocation of the label y among the sigmoid neurons (docs/theory.md §4.3).</summary>
/// <param name="Shares">The shares <c>v_j</c> (sum y), carriers first.</param>
/// <param name="Carriers">k: how many neurons take the large share (m for an equal split).</param>
/// <param name="Cost"><c>Σ_j φ(v_j)</c>, the value of reg on M at this allocation with every <c>s(z_j)</c> optimal.</param>
/// <param name="Multiplier">λ, the common <c>φ'(v_j)</c>.</param>
/// <param name="Q"><c>q = y²C</c>.</param>
public sealed record SigmoidAllocationPrediction(double[] Shares, int Carriers, double Cost, double Multiplier, double Q);
