using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// A generated instance of one of the paper's settings (docs/theory.md §4) on M: the engine model, θ*, data whose labels
/// are the model's outputs, and label-noise SGD settings.
/// </summary>
public sealed record SettingInstance(NetworkCase Case, SgdProblem Sgd)
{
    /// <summary>The symbolic route for this instance.</summary>
    public SymbolicSetting Symbolic => SettingOf.Try(Case.Model, Case.Theta, Case.Data)
        ?? throw new InvalidOperationException($"{Case.Model.Describe()} is not one of the three settings");

    /// <summary>The case and the SGD settings, for counterexamples.</summary>
    public override string ToString() =>
        $"{Case}{Environment.NewLine}  eta = {Sgd.Eta:R}, sigma = {Sgd.Sigma:R}, B = {Sgd.Batch}";
}
