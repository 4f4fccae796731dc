using System.Text.Json;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Output;

/// <summary>
/// One JSON object per verdict per line (docs/design.md "CLI contract"):
/// <c>{"check","case","predicted","measured","stderr","pass"}</c>, followed by <c>"tolerance"</c>, <c>"detail"</c>, and
/// the tolerance's parts <c>"z"</c> and <c>"bias"</c> (tolerance = z·stderr + bias, docs/theory.md §5).
/// Non-finite numbers, which JSON cannot hold, are written as <c>null</c> and read back as NaN. A row that is not
/// asserted (docs/theory.md §5.1) keeps <c>"pass"</c> (the rule's result, which counts neither way) and has a
/// <c>"not_asserted"</c> member with the reason; asserted rows carry no such member.
/// </summary>
public static class CheckJson
{
    /// <summary>The JSON line of one verdict, without the newline.</summary>
    public static string Line(CheckResult r) => JsonLine.Of(json => Members(json, r));

    /// <summary>Writes the members of one verdict into an open object.</summary>
    public static void Members(Utf8JsonWriter json, CheckResult r)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(r);
        json.WriteString("check", r.Check);
        json.WriteString("case", r.Case);
        JsonLine.Number(json, "predicted", r.Predicted);
        JsonLine.Number(json, "measured", r.Measured);
        JsonLine.Number(json, "stderr", r.StdErr);
        json.WriteBoolean("pass", r.Pass);
        JsonLine.Number(json, "tolerance", r.Tolerance);
        json.WriteString("detail", r.Detail);
        JsonLine.Number(json, "z", r.Z);
        JsonLine.Number(json, "bias", r.Bias);
        if (!r.Asserted) json.WriteString("not_asserted", r.NotAsserted);
    }

    /// <summary>Reads one verdict line back; throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when it is not one.</summary>
    public static CheckResult Read(string line)
    {
        using var document = JsonDocument.Parse(line);
        return Read(document.RootElement);
    }

    /// <summary>
    /// Reads one verdict object with its z and bias. A line written before rows carried them (a shard from an older
    /// build) gives only the tolerance; every row of <c>check</c> is judged under <see cref="SuiteBudget"/>, so such a
    /// row with a standard error is read with the suite's z and the bias bound <c>tolerance − z · SE</c>, and a row
    /// without one (an exact check) with its tolerance as the bound.
    /// </summary>
    public static CheckResult Read(JsonElement row)
    {
        double stdErr = Number(row, "stderr");
        double tolerance = row.TryGetProperty("tolerance", out _) ? Number(row, "tolerance") : double.NaN;
        double predicted = Number(row, "predicted"), measured = Number(row, "measured");
        bool parts = row.TryGetProperty("z", out _) && row.TryGetProperty("bias", out _);
        double z = parts ? Number(row, "z") : stdErr > 0 ? SuiteBudget.Budget.Z : 0;
        double bias = parts ? Number(row, "bias") : tolerance - z * stdErr;
        return new CheckResult(
            row.GetProperty("check").GetString() ?? throw new JsonException("check is null"),
            row.GetProperty("case").GetString() ?? throw new JsonException("case is null"),
            predicted, measured, stdErr, z, bias,
            row.GetProperty("pass").GetBoolean(),
            row.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "",
            row.TryGetProperty("not_asserted", out var reason) ? reason.GetString() : null);
    }

    private static double Number(JsonElement row, string name)
    {
        var value = row.GetProperty(name);
        return value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();
    }
}
