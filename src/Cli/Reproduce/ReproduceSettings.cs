using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// The claims <c>noisedrift reproduce</c> runs, by command name: the paper's three (docs/theory.md §4), which <c>all</c> runs,
/// and sparse regression (docs/theory.md §7), run only by name (it would double <c>reproduce all --quick</c>).
/// </summary>
internal static class ReproduceSettings
{
    /// <summary>The accepted setting arguments.</summary>
    public static readonly string[] Names = ["matrix-sensing", "relu1d", "sigmoid", "sparse-regression", "all"];

    /// <summary>The experiments a setting argument selects, each a function of (quick, seed, progress).</summary>
    public static IReadOnlyList<ReproduceExperiment> Select(string setting)
    {
        var all = new ReproduceExperiment[]
        {
            new("matrix-sensing", (quick, seed, p) => MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(quick, seed), p)),
            new("relu1d", (quick, seed, p) => Relu1DRun(quick, seed, p)),
            new("sigmoid", (quick, seed, p) => SigmoidExperiment.Run(SigmoidExperiment.Plan(quick, seed), p)),
            new("sparse-regression", (quick, seed, p) => SparseRegressionExperiment.Run(quick, seed, p)),
        };
        return setting == "all" ? all.Where(e => e.Name != "sparse-regression").ToArray() : all.Where(e => e.Name == setting).ToArray();
    }

    /// <summary>
    /// The ReLU run: the collinear set at its own horizon (<see cref="Relu1DExperiment.CollinearPlan"/>); a full run's
    /// horizon t for both sets can be set by <c>NOISEDRIFT_RELU1D_HORIZON</c> for diagnosis (docs/reproduction.md, the
    /// ReLU section), ignored with --quick.
    /// </summary>
    private static Relu1DReproduction Relu1DRun(bool quick, ulong seed, IProgress<double>? progress) =>
        !quick && double.TryParse(Environment.GetEnvironmentVariable("NOISEDRIFT_RELU1D_HORIZON"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out double horizon) && horizon > 0
            ? Relu1DExperiment.Run(Relu1DExperiment.Plan(seed, horizon), progress)
            : Relu1DExperiment.Run(Relu1DExperiment.CollinearPlan(quick, seed), Relu1DExperiment.Plan(quick, seed), progress);
}
