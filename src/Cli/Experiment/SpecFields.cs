using NoiseDrift.Cli.Spec;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Experiment;

/// <summary>
/// The theory names a bad hyper-parameter by its bare name (<c>eta</c>, <c>sigma</c>, <c>batch</c>); in a spec file it
/// lives under <c>sgd</c>, so the CLI reports <c>sgd.eta</c> etc.
/// </summary>
internal static class SpecFields
{
    /// <summary>Runs <paramref name="compute"/>, re-raising bare hyper-parameter errors with their spec path.</summary>
    public static T Qualified<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (InvalidInputException e) when (e.Field is "eta" or "sigma" or "batch")
        {
            throw new InvalidInputException($"sgd.{e.Field}", InputError.Problem(e));
        }
    }
}
