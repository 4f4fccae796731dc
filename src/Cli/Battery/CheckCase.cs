using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Battery;

/// <summary>One unit of work of a battery: a named case whose run yields one or more verdicts.</summary>
/// <param name="Name">The case name shown in the progress bar, e.g. <c>mlp 3-[8]-1 tanh</c>.</param>
/// <param name="Run">Runs the checks of this case.</param>
public sealed record CheckCase(string Name, Func<IReadOnlyList<CheckResult>> Run)
{
    /// <summary>A long case that reports its completed fraction in [0, 1] while it runs.</summary>
    public CheckCase(string name, Func<IProgress<double>?, IReadOnlyList<CheckResult>> run)
        : this(name, () => run(null)) => Tracked = run;

    /// <summary>The run with progress reports, when the case gives them.</summary>
    public Func<IProgress<double>?, IReadOnlyList<CheckResult>>? Tracked { get; }
}
