using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// One JSON object per verdict per line (DESIGN.md "CLI contract"):
/// <c>{"check","case","predicted","measured","stderr","pass"}</c>, followed by <c>"tolerance"</c> and <c>"detail"</c>.
/// Non-finite numbers, which JSON cannot hold, are written as <c>null</c>.
/// </summary>
public static class CheckJson
{
    /// <summary>The JSON line of one verdict, without the newline.</summary>
    public static string Line(CheckResult r) => JsonFields.Object(json =>
    {
        json.WriteString("check", r.Check);
        json.WriteString("case", r.Case);
        JsonFields.Number(json, "predicted", r.Predicted);
        JsonFields.Number(json, "measured", r.Measured);
        JsonFields.Number(json, "stderr", r.StdErr);
        json.WriteBoolean("pass", r.Pass);
        JsonFields.Number(json, "tolerance", r.Tolerance);
        json.WriteString("detail", r.Detail);
    });
}
