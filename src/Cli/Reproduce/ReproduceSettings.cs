using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>The three claims <c>noisedrift reproduce</c> runs, by command name (THEORY.md §4).</summary>
internal static class ReproduceSettings
{
    /// <summary>The accepted setting arguments.</summary>
    public static readonly string[] Names = ["matrix-sensing", "relu1d", "sigmoid", "all"];

    /// <summary>The experiments a setting argument selects, each a function of (quick, seed, progress).</summary>
    public static IReadOnlyList<ReproduceExperiment> Select(string setting)
    {
        var all = new ReproduceExperiment[]
        {
            new("matrix-sensing", (quick, seed, p) => MatrixSensingExperiment.Run(MatrixSensingExperiment.Plan(quick, seed), p)),
            new("relu1d", (quick, seed, p) => Relu1DExperiment.Run(Relu1DExperiment.Plan(quick, seed), p)),
            new("sigmoid", (quick, seed, p) => SigmoidExperiment.Run(SigmoidExperiment.Plan(quick, seed), p)),
        };
        return setting == "all" ? all : all.Where(e => e.Name == setting).ToArray();
    }
}
