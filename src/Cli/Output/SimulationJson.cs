using NoiseDrift.Cli.SpecRun;
using NoiseDrift.Engine.Json;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// The JSON object of <c>noisedrift simulate</c> (docs/design.md "CLI contract"): <c>drift_measured</c>,
/// <c>drift_stderr</c>, <c>ou_cov_measured</c>, <c>reg_trace</c> (<c>[{step, reg, unprojected}]</c>), summary measurements with
/// their standard errors, <c>verdicts</c> (the run's rows, each as a <c>check --json</c> line) and <c>pass</c>,
/// and every predicted field of <see cref="PredictionJson"/>.
/// </summary>
internal static class SimulationJson
{
    public static string Object(SpecCase specCase, SimulationResult r) => JsonLine.Of(json =>
    {
        PredictionJson.Header(json, specCase);
        json.WriteNumber("steps", r.Plan.Steps);
        json.WriteNumber("chains", 2 * r.Plan.Pairs);
        JsonLine.Numbers(json, "drift_measured", r.Drift.Mean);
        JsonLine.Numbers(json, "drift_stderr", r.Drift.StdErr);
        JsonLine.Number(json, "drift_along_exact_measured", r.DriftAlongPredicted.Mean);
        JsonLine.Number(json, "drift_along_exact_stderr", r.DriftAlongPredicted.StdErr);
        JsonLine.Numbers(json, "ou_cov_measured", r.OuEigenvalues);
        JsonLine.Number(json, "ou_trace_measured", r.OuTrace.Mean);
        JsonLine.Number(json, "ou_trace_stderr", r.OuTrace.StdErr);
        json.WriteStartArray("reg_trace");
        foreach (var sample in r.RegTrace)
        {
            json.WriteStartObject();
            json.WriteNumber("step", sample.Step);
            JsonLine.Number(json, "reg", sample.Reg);
            json.WriteNumber("unprojected", sample.Unprojected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        JsonLine.Number(json, "reg_change_measured", r.RegChange.Rate.Mean);
        JsonLine.Number(json, "reg_change_stderr", r.RegChange.Rate.StdErr);
        json.WriteNumber("reg_change_pairs", r.RegChange.Pairs);
        json.WriteStartArray("verdicts");
        foreach (var v in r.Verdicts)
        {
            json.WriteStartObject();
            CheckJson.Members(json, v);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("pass", !r.Verdicts.Any(v => v.Fails));
        PredictionJson.Fields(json, r.Predicted);
    });
}
