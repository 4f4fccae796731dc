using NoiseDrift.Theory.Judging;

namespace NoiseDrift.Cli.Battery;

/// <summary>
/// Runs check cases one after the other. A case that throws does not stop the run: it becomes one failed verdict,
/// <c>error</c>, carrying the exception message.
/// </summary>
public static class BatteryRunner
{
    /// <summary>Every case of every battery, in order.</summary>
    public static IReadOnlyList<CheckCase> Cases(IEnumerable<IBattery> batteries, BatteryOptions options) =>
        [.. batteries.SelectMany(b => b.Cases(options))];

    /// <summary>Runs one case, turning an exception into a failed verdict; a tracked case reports to <paramref name="progress"/>.</summary>
    public static IReadOnlyList<CheckResult> Run(CheckCase checkCase, IProgress<double>? progress = null)
    {
        try
        {
            return checkCase.Tracked is { } tracked ? tracked(progress) : checkCase.Run();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return [VerdictRule.Exact("error", checkCase.Name, double.NaN, double.NaN, 0,
                $"{e.GetType().Name}: {e.Message}")];
        }
    }
}
