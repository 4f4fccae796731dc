using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The matrix-sensing n sweep behind <c>matrix-sensing-n-sweep.png</c> (docs/theory.md §4.1), started as the run begins
/// so that it runs beside the experiments rather than after them: it needs nothing from them (its points are keyed by
/// the seed and n alone), and it is most of a full <c>reproduce all --out</c>.
/// </summary>
internal static class MatrixSensingSweepAhead
{
    /// <summary>The sweep, running, when the report will plot it (full runs of matrix sensing with --out); else null.</summary>
    public static Task<IReadOnlyList<MatrixSensingSweepPoint>>? Start(IReadOnlyList<ReproduceExperiment> experiments, bool quick, ulong seed,
        string? outputDirectory) =>
        outputDirectory is null || quick || !experiments.Any(e => e.Name == "matrix-sensing")
            ? null
            : Task.Run(() => MatrixSensingSweep.Run(false, seed));
}
