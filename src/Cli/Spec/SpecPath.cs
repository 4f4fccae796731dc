using NoiseDrift.Engine.Json;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// The one place where the engine's and the theory's bare field names become the JSON paths of a spec file: a field
/// whose first name belongs to one block of the spec (<c>hidden</c>, <c>x[2][0]</c>, <c>eta</c>) is placed under it
/// (<c>model.hidden</c>, <c>data.x[2][0]</c>, <c>sgd.eta</c>). Fields that name no block member (<c>theta</c>,
/// <c>data</c>, a path already rooted at a block) are left as they are. The reader applies it
/// (<see cref="SpecReader.Parse(ReadOnlyMemory{byte})"/>), and so does <c>Commands.CliApp</c> to the error of any
/// command that reads a spec.
/// </summary>
internal static class SpecPath
{
    /// <summary>The blocks of a spec and the names of their members.</summary>
    private static readonly (string Block, IReadOnlySet<string> Members)[] Blocks =
    [
        ("model", ModelJson.FieldNames),
        ("data", DataSpecReader.FieldNames),
        ("sgd", SgdSpecReader.FieldNames),
    ];

    /// <summary>The spec path of an engine field: <c>eta</c> → <c>sgd.eta</c>; anything else unchanged.</summary>
    public static string Of(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string root = JsonPath.Root(field);
        foreach (var (block, members) in Blocks)
        {
            if (members.Contains(root)) return JsonPath.Field(block, field);
        }
        return field;
    }

    /// <summary>The error under the spec path of its field (itself when the field is not an engine field).</summary>
    public static InvalidInputException Placed(InvalidInputException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string field = Of(e.Field);
        return field == e.Field ? e : new InvalidInputException(field, InputError.Problem(e));
    }

    /// <summary>Runs <paramref name="compute"/>; an error on an engine field is re-raised under its spec path.</summary>
    public static T Within<T>(Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        try
        {
            return compute();
        }
        catch (InvalidInputException e) when (Of(e.Field) != e.Field)
        {
            throw Placed(e);
        }
    }
}
