using System.Text.Json;
using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The JSON object of <c>noisedrift predict</c> (docs/design.md "CLI contract"): <c>reg</c>, <c>grad_reg</c>,
/// <c>p_grad_reg</c>, <c>drift_leading</c>, <c>drift_exact</c>, <c>ou_cov</c> (eigenvalues ascending) and
/// <c>eta_limit</c> = 2/λ_max, plus the θ* used and the predicted reg change per step (docs/theory.md §1–§3); on the paper's
/// settings also <see cref="SettingJson"/>'s members (docs/theory.md §4).
/// </summary>
internal static class PredictionJson
{
    public static string Object(SpecCase specCase, PredictionSummary summary, SettingReport? setting = null) => JsonLine.Of(json =>
    {
        Header(json, specCase);
        JsonLine.Numbers(json, "theta", specCase.Case.Theta);
        Fields(json, summary);
        if (setting is not null) SettingJson.Members(json, setting, summary, specCase.Case.Sgd);
    });

    /// <summary>The model, the number of examples and where θ* came from.</summary>
    public static void Header(Utf8JsonWriter json, SpecCase specCase)
    {
        json.WriteString("model", specCase.Case.Model.Describe());
        json.WriteNumber("n", specCase.Case.Count);
        json.WriteString("theta_source", specCase.Source.ToString().ToLowerInvariant());
    }

    /// <summary>Every predicted field; <c>simulate</c> repeats them so its output is self-contained.</summary>
    public static void Fields(Utf8JsonWriter json, PredictionSummary s)
    {
        JsonLine.Number(json, "reg", s.Reg);
        JsonLine.Numbers(json, "grad_reg", s.GradReg);
        JsonLine.Numbers(json, "p_grad_reg", s.PGradReg);
        JsonLine.Numbers(json, "drift_leading", s.DriftLeading);
        JsonLine.Numbers(json, "drift_exact", s.DriftExact);
        JsonLine.Numbers(json, "ou_cov", s.OuCovariance.Eigenvalues);
        JsonLine.Number(json, "ou_cov_leading", s.OuCovarianceLeading);
        JsonLine.Number(json, "reg_change_leading", s.RegChangeLeading);
        JsonLine.Number(json, "reg_change_exact", s.RegChangeExact);
        JsonLine.Number(json, "eta_limit", s.StepSizeLimit);
    }
}
