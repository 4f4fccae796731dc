using NoiseDrift.Theory.Reproduction;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>One claim <c>noisedrift reproduce</c> can run (docs/theory.md §4): its command name and its run.</summary>
/// <param name="Name">The command name (<c>matrix-sensing</c>, <c>relu1d</c>, <c>sigmoid</c>).</param>
/// <param name="Run">The experiment as a function of (quick, seed, progress).</param>
public sealed record ReproduceExperiment(string Name, Func<bool, ulong, IProgress<double>?, Reproduction> Run);
