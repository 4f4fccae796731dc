namespace NoiseDrift.Engine.Validation;

/// <summary>
/// Bad input to the engine or the theory: the message always names the offending field and its value
/// (docs/design.md, "Engine conventions").
/// </summary>
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException(string field, string problem)
        : base($"{field}: {problem}", field)
    {
        Field = field;
    }

    /// <summary>The name of the offending field, e.g. <c>theta[3]</c> or <c>data.x[2][0]</c>.</summary>
    public string Field { get; }
}
