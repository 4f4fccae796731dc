using System.Text.Json;
using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The setting members of <c>noisedrift predict --json</c> on the paper's settings (docs/theory.md §4): <c>closed_form</c>
/// with the same five field names as the general route (<c>reg</c>, <c>grad_reg</c>, <c>p_grad_reg</c>,
/// <c>drift_leading</c>, <c>drift_exact</c>), <c>closed_form_agreement</c> (the largest difference between the two
/// routes relative to each field's scale), and <c>setting</c> with the kind and the setting's own quantities.
/// </summary>
internal static class SettingJson
{
    public static void Members(Utf8JsonWriter json, SettingReport report, PredictionSummary general, SgdProblem sgd)
    {
        var c = report.ClosedForm;
        json.WriteStartObject("closed_form");
        JsonLine.Number(json, "reg", c.Reg);
        JsonLine.Numbers(json, "grad_reg", c.GradReg);
        JsonLine.Numbers(json, "p_grad_reg", c.PGradReg);
        JsonLine.Numbers(json, "drift_leading", c.DriftLeading);
        JsonLine.Numbers(json, "drift_exact", c.DriftExact);
        json.WriteEndObject();
        JsonLine.Number(json, "closed_form_agreement", RouteAgreement.Worst(c, general, sgd));
        json.WriteStartObject("setting");
        json.WriteString("kind", report.Kind);
        foreach (var q in report.Quantities)
        {
            if (q.IsVector) JsonLine.Numbers(json, q.Name, q.Values);
            else JsonLine.Number(json, q.Name, q.Values[0]);
        }
        json.WriteEndObject();
    }
}
