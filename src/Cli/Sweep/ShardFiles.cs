using System.Globalization;
using System.Text.Json;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Sweep;

/// <summary>
/// Reads the JSON-lines outputs of <c>noisedrift sweep --json</c> shards for <c>noisedrift merge</c>. A line that is
/// not a sweep row, or a seed that appears in two files (a shard run twice, or a file given twice), is an <see cref="InvalidInputException"/>
/// naming <c>FILE:LINE</c>; blank lines are skipped.
/// </summary>
public static class ShardFiles
{
    /// <summary>Every row of every file, in file order.</summary>
    public static IReadOnlyList<SweepRow> Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var rows = new List<SweepRow>();
        var seedFile = new Dictionary<ulong, int>();
        for (int f = 0; f < paths.Count; f++)
        {
            string path = paths[f];
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidInputException(path, $"cannot read: {e.Message}");
            }
            for (int i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                string where = string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}");
                var row = Row(lines[i], where);
                if (seedFile.TryGetValue(row.Seed, out int other) && other != f)
                    throw new InvalidInputException(where, $"seed {row.Seed} is also in {paths[other]} (argument {other + 1}); each seed must come from one shard");
                seedFile[row.Seed] = f;
                rows.Add(row);
            }
        }
        return rows;
    }

    private static SweepRow Row(string line, string where)
    {
        try
        {
            return SweepRow.Read(line);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException(where, "not a sweep row (expected one JSON object with seed, check, case, " +
                "predicted, measured, stderr, pass, tolerance per line); was the shard cut off?");
        }
    }
}
