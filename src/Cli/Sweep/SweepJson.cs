using NoiseDrift.Engine.Json;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// The JSON object of <c>noisedrift merge --json</c>: seeds, rows, false alarms, the union budget and its verdict, the
/// quantiles of <c>|m − p|/tolerance</c>, and one entry per check name.
/// </summary>
internal static class SweepJson
{
    public static string Object(SweepSummary s) => JsonLine.Of(json =>
    {
        json.WriteNumber("seeds", s.Seeds.Count);
        json.WriteString("seed_ranges", SweepTable.Ranges(s.Seeds));
        json.WriteNumber("rows", s.Rows);
        json.WriteNumber("failures", s.Failures);
        json.WriteNumber("failed_seeds", s.FailedSeeds);
        JsonLine.Number(json, "z_run", s.Budget.RunZ);
        JsonLine.Number(json, "z_union", s.Budget.Z);
        json.WriteNumber("union_failures", s.UnionFailures);
        json.WriteBoolean("pass", s.Pass);
        json.WriteStartObject("ratio_quantiles");
        foreach (var (level, ratio) in s.RatioQuantiles) JsonLine.Number(json, $"q{level:0.###}", ratio);
        json.WriteEndObject();
        json.WriteStartArray("checks");
        foreach (var c in s.Checks)
        {
            json.WriteStartObject();
            json.WriteString("check", c.Check);
            json.WriteNumber("rows", c.Rows);
            json.WriteNumber("failures", c.Failures);
            JsonLine.Number(json, "pass_rate", c.PassRate);
            JsonLine.Number(json, "median_ratio", c.MedianRatio);
            JsonLine.Number(json, "q0.99_ratio", c.Q99Ratio);
            JsonLine.Number(json, "worst_ratio", c.WorstRatio);
            json.WriteNumber("worst_seed", c.WorstSeed);
            json.WriteString("worst_case", c.WorstCase);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });
}
