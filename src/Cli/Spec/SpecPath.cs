using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>JSON paths as they appear in error messages: <c>sgd.eta</c>, <c>data.x[2][0]</c>.</summary>
internal static class SpecPath
{
    /// <summary>The path of field <paramref name="name"/> inside the object at <paramref name="parent"/>.</summary>
    public static string Field(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The JSON path of the spec's <c>sgd</c> block.</summary>
    public const string Sgd = "sgd";

    /// <summary>
    /// Runs <paramref name="compute"/>; an error on a bare <see cref="SgdProblem"/> field (<c>eta</c>, <c>sigma</c>,
    /// <c>batch</c>, <c>noise</c>) is re-raised under <paramref name="parent"/>, e.g. <c>sgd.eta</c>. This is the one
    /// place where the CLI maps the engine's and the theory's field names to JSON paths.
    /// </summary>
    public static T Within<T>(string parent, Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        try
        {
            return compute();
        }
        catch (InvalidInputException e) when (SgdProblem.FieldNames.Contains(e.Field))
        {
            throw new InvalidInputException(Field(parent, e.Field), InputError.Problem(e));
        }
    }

    /// <summary><see cref="Within{T}(string, Func{T})"/> for an action.</summary>
    public static void Within(string parent, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(parent, () =>
        {
            action();
            return 0;
        });
    }
}
