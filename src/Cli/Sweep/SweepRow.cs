using System.Text.Json;
using NoiseDrift.Cli.Output;
using NoiseDrift.Engine.Json;
using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// One line of a sweep's output: the verdict of one check for one seed, <c>{"seed":S, "check":…, …}</c>, i.e. a
/// <c>check --json</c> row with its seed in front (docs/design.md "CLI contract").
/// </summary>
/// <param name="Seed">The <c>--seed</c> the row came from.</param>
/// <param name="Verdict">The verdict, as <c>check</c> reports it.</param>
public sealed record SweepRow(ulong Seed, CheckResult Verdict)
{
    /// <summary>The JSON line, without the newline.</summary>
    public string Line() => JsonLine.Of(json =>
    {
        json.WriteNumber("seed", Seed);
        CheckJson.Members(json, Verdict);
    });

    /// <summary>Reads one line; throws <see cref="JsonException"/>, <see cref="KeyNotFoundException"/>, <see cref="InvalidOperationException"/> or <see cref="FormatException"/> when it is not a sweep row.</summary>
    public static SweepRow Read(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new SweepRow(root.GetProperty("seed").GetUInt64(), CheckJson.Read(root));
    }
}
