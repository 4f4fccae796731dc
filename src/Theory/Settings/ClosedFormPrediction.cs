namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The symbolic route's predictions at θ* ∈ M for one of the paper's settings (docs/theory.md §3–§4), with the field names
/// of the general route (<see cref="PredictionSummary"/>) so the two can be compared entry by entry.
/// </summary>
/// <param name="Reg"><c>reg(θ*)</c> from the setting's closed form.</param>
/// <param name="GradReg"><c>∇reg(θ*)</c> from the setting's closed form.</param>
/// <param name="PGradReg"><c>P ∇reg</c> with P built from the closed-form <c>g_i</c>.</param>
/// <param name="DriftLeading"><c>−(η²σ²/(4B)) P ∇reg</c> (§3).</param>
/// <param name="DriftExact"><c>−η (1/n) Σ_i P H_i S g_i</c> with the closed-form <c>H_i</c> and the exact S (§3).</param>
public sealed record ClosedFormPrediction(
    double Reg, double[] GradReg, double[] PGradReg, double[] DriftLeading, double[] DriftExact);
