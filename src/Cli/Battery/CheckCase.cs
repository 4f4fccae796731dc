using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Cli.Battery;

/// <summary>One unit of work of a battery: a named case whose run yields one or more verdicts.</summary>
/// <param name="Name">The case name shown in the progress bar, e.g. <c>mlp 3-[8]-1 tanh</c>.</param>
/// <param name="Run">Runs the checks of this case.</param>
public sealed record CheckCase(string Name, Func<IReadOnlyList<CheckResult>> Run);
