using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Reproduce;

/// <summary>
/// An experiment of <c>noisedrift reproduce</c> that could not run to its verdicts (no regular start on M, a diverged
/// chain, an engine refusal from deep inside): a failure of that experiment, never bad input, since the arguments were
/// accepted before it ran.
/// </summary>
/// <param name="Experiment">The experiment's command name.</param>
/// <param name="Reason">Why, in one line.</param>
/// <param name="Line">The stderr line: <c>noisedrift: reproduce NAME --seed S: could not run: REASON</c>.</param>
public sealed record ReproduceFailure(string Experiment, string Reason, string Line)
{
    /// <summary>The failure of <paramref name="experiment"/> at <paramref name="seed"/> from the exception it ended with.</summary>
    public static ReproduceFailure Of(string experiment, ulong seed, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate) e = aggregate.InnerExceptions[0];
        string reason = e switch
        {
            InvalidInputException input => InputError.Line(input),
            InvalidOperationException or ArithmeticException => e.Message,
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        reason = reason.ReplaceLineEndings(" ");
        return new ReproduceFailure(experiment, reason, $"noisedrift: reproduce {experiment} --seed {seed}: could not run: {reason}");
    }
}
