using System.Globalization;
using System.Text;
using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The traces behind a reproduction plot, written next to its PNG as CSV (docs/theory.md §4): one line per tracked step
/// with the header <c>step,t</c>, then per run kind and quantity <c>KIND_QUANTITY_mean,KIND_QUANTITY_se</c>, then
/// <c>flow_QUANTITY</c> (the slow flow at t). Numbers are invariant-culture round-trip; a reading with no chain is empty.
/// </summary>
internal static class TraceCsv
{
    /// <summary>Writes <c>NAME.csv</c> beside <c>NAME.png</c> in <paramref name="directory"/> and returns its file name.</summary>
    public static string Write(string directory, string pngFile, RunSet runs, IReadOnlyList<string> quantities)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(quantities);
        string file = Path.ChangeExtension(pngFile, ".csv");
        var kinds = runs.Runs.Keys.Order().ToList();
        var csv = new StringBuilder();
        var header = new List<string> { "step", "t" };
        foreach (var q in quantities)
        {
            foreach (var kind in kinds) header.AddRange([$"{Name(kind)}_{q}_mean", $"{Name(kind)}_{q}_se"]);
            header.Add($"flow_{q}");
        }
        csv.AppendLine(string.Join(',', header));
        for (int j = 0; j < runs.Steps.Length; j++)
        {
            var cells = new List<string> { runs.Steps[j].ToString(CultureInfo.InvariantCulture), Number(runs.Times[j]) };
            foreach (var q in quantities)
            {
                foreach (var kind in kinds)
                {
                    var value = runs.Runs[kind].Values[q][j];
                    cells.AddRange([Number(value.Mean), Number(value.StdErr)]);
                }
                cells.Add(Number(runs.Flow.At(q, runs.Times[j])));
            }
            csv.AppendLine(string.Join(',', cells));
        }
        File.WriteAllText(Path.Combine(directory, file), csv.ToString());
        return file;
    }

    private static string Name(RunKind kind) => kind switch
    {
        RunKind.LabelNoise => "label_noise",
        RunKind.PlainGd => "plain_gd",
        RunKind.IsotropicNoise => "isotropic",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
