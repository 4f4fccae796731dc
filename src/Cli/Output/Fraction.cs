namespace NoiseDrift.Cli.Output;

/// <summary>
/// A completed-fraction sink that acts at once on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to
/// a synchronization context); Spectre's progress tasks are thread-safe, so workers may report directly.
/// </summary>
internal sealed class Fraction(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
